using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Preparation;

/// <summary>
/// Yeo-Johnson power transform, λ chosen by maximum likelihood on the training values (golden-section search on
/// [−3, 3], like scipy). λ within 1e-4 of the singular points is nudged off them so one formula serves C# and ONNX.
/// </summary>
internal sealed class YeoJohnsonTransform : ColumnTransform
{
    public float Lambda { get; private set; } = 1;
    public override string Describe() => $"Yeo-Johnson λ={Lambda:G4}";

    public override void Fit(float[] values)
    {
        var x = values.Select(v => (double)v).ToArray();
        Lambda = Nudge((float)PowerLikelihood.Maximize(l => PowerLikelihood.YeoJohnson(x, l)), 0f, 2f);
    }

    internal static float Nudge(float lambda, params float[] singular)
    {
        foreach (var s in singular) if (MathF.Abs(lambda - s) < 1e-4f) lambda = s + 1e-4f;
        return lambda;
    }

    public override float Apply(float x) => x >= 0
        ? (MathF.Pow(x + 1f, Lambda) - 1f) / Lambda
        : -(MathF.Pow(-x + 1f, 2f - Lambda) - 1f) / (2f - Lambda);

    public override string EmitOnnx(OnnxGraphBuilder graph, string x)
    {
        var positive = graph.Apply("Not", graph.Apply("Less", x, graph.Scalar(0)));
        var one = graph.Scalar(1f);
        var pos = graph.Apply("Div", graph.Apply("Sub", graph.Apply("Pow", graph.Apply("Add", x, one), graph.Scalar(Lambda)), one), graph.Scalar(Lambda));
        var negated = graph.Apply("Neg", x);
        var neg = graph.Apply("Neg", graph.Apply("Div", graph.Apply("Sub", graph.Apply("Pow", graph.Apply("Add", negated, one), graph.Scalar(2f - Lambda)), one), graph.Scalar(2f - Lambda)));
        return graph.Apply("Where", positive, pos, neg);
    }
}

/// <summary>Box-Cox on x − min + 1 (so every training value is positive), λ by maximum likelihood.</summary>
internal sealed class BoxCoxTransform : ColumnTransform
{
    public float Lambda { get; private set; } = 1;
    public float Shift { get; private set; }
    public override string Describe() => $"Box-Cox λ={Lambda:G4}";

    public override void Fit(float[] values)
    {
        Shift = values.Length == 0 ? 0 : values.Min() - 1f;
        var x = values.Select(v => (double)v - Shift).ToArray();
        Lambda = YeoJohnsonTransform.Nudge((float)PowerLikelihood.Maximize(l => PowerLikelihood.BoxCox(x, l)), 0f);
    }

    // Values below the training range are clamped to stay in the transform's domain.
    public override float Apply(float x) => (MathF.Pow(MathF.Max(x - Shift, 1e-6f), Lambda) - 1f) / Lambda;

    public override string EmitOnnx(OnnxGraphBuilder graph, string x)
    {
        var shifted = graph.Apply("Max", graph.Apply("Sub", x, graph.Scalar(Shift)), graph.Scalar(1e-6f));
        return graph.Apply("Div", graph.Apply("Sub", graph.Apply("Pow", shifted, graph.Scalar(Lambda)), graph.Scalar(1f)), graph.Scalar(Lambda));
    }
}

/// <summary>Profile log-likelihoods of the power transforms (normal model on the transformed values).</summary>
internal static class PowerLikelihood
{
    public static double YeoJohnson(double[] x, double lambda)
    {
        var transformed = x.Select(v => v >= 0
            ? (Math.Abs(lambda) < 1e-9 ? Math.Log(v + 1) : (Math.Pow(v + 1, lambda) - 1) / lambda)
            : (Math.Abs(lambda - 2) < 1e-9 ? -Math.Log(-v + 1) : -(Math.Pow(-v + 1, 2 - lambda) - 1) / (2 - lambda))).ToArray();
        var jacobian = x.Sum(v => Math.Sign(v) * Math.Log(Math.Abs(v) + 1));
        return -x.Length / 2.0 * Math.Log(Math.Max(PopulationVariance(transformed), 1e-300)) + (lambda - 1) * jacobian;
    }

    public static double BoxCox(double[] x, double lambda)
    {
        var transformed = x.Select(v => Math.Abs(lambda) < 1e-9 ? Math.Log(v) : (Math.Pow(v, lambda) - 1) / lambda).ToArray();
        return -x.Length / 2.0 * Math.Log(Math.Max(PopulationVariance(transformed), 1e-300)) + (lambda - 1) * x.Sum(Math.Log);
    }

    private static double PopulationVariance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
    }

    /// <summary>Golden-section search for the maximum of a unimodal function on [−3, 3].</summary>
    public static double Maximize(Func<double, double> f, double low = -3, double high = 3)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = low, b = high;
        var c = b - ratio * (b - a);
        var d = a + ratio * (b - a);
        for (var i = 0; i < 80; i++)
        {
            if (f(c) > f(d)) b = d; else a = c;
            c = b - ratio * (b - a);
            d = a + ratio * (b - a);
        }
        return (a + b) / 2;
    }
}

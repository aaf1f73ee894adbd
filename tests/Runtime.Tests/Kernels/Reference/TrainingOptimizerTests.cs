using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>
/// ai.onnx.preview.training optimisers. ONNX Runtime does not implement them, so each test
/// computes the operator's pseudo code from the ONNX specification in double here and compares.
/// </summary>
public class TrainingOptimizerTests
{
    private const string Domain = "ai.onnx.preview.training";

    private static OnnxModelBuilder Model(string op, string[] inputs, string[] outputs, Action<OnnxNodeBuilder> attrs)
    {
        var m = new OnnxModelBuilder(17).Opset(Domain, 1);
        m.Graph.Input("R", DataType.Double).Input("T", DataType.Int64);
        foreach (var name in inputs) m.Graph.Input(name, DataType.Double, 3);
        foreach (var name in outputs) m.Graph.Output(name, DataType.Double, 3);
        attrs(m.Graph.Node(op, ["R", "T", .. inputs], outputs, Domain));
        return m;
    }

    private static Tensor Vector(string name, params double[] values) => OpTester.Make<double>(name, DataType.Double, [values.Length], values);

    private static Dictionary<string, Tensor> Inputs(double r, long t, params (string Name, double[] Values)[] tensors)
    {
        var d = new Dictionary<string, Tensor>
        {
            ["R"] = OpTester.Make<double>("R", DataType.Double, [], r),
            ["T"] = OpTester.Make<long>("T", DataType.Int64, [], t),
        };
        foreach (var (name, values) in tensors) d[name] = Vector(name, values);
        return d;
    }

    private static void AssertClose(double[] expected, Tensor actual)
    {
        var a = actual.ReadOnlySpan<double>().ToArray();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.Equal(expected[i], a[i], 12);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    public void Adagrad_follows_the_specification(long t)
    {
        double r = 0.1, decay = 0.25, eps = 1e-3, norm = 0.5;
        double[] x = [1, -2, 0.5], g = [0.3, 0.1, -4], h = [0.2, 0, 1];
        var m = Model("Adagrad", ["X", "G", "H"], ["X_new", "H_new"], n => n.Attr("decay_factor", (float)decay).Attr("epsilon", (float)eps).Attr("norm_coefficient", (float)norm));
        var outputs = OpTester.RunEdgeML(m.ToBytes(), Inputs(r, t, ("X", x), ("G", g), ("H", h)));
        double rate = r / (1 + t * (double)(float)decay);
        var xNew = new double[3];
        var hNew = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double gr = (float)norm * x[i] + g[i];
            hNew[i] = h[i] + gr * gr;
            xNew[i] = x[i] - rate * gr / (Math.Sqrt(hNew[i]) + (float)eps);
        }
        AssertClose(xNew, outputs[0]);
        AssertClose(hNew, outputs[1]);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(2L)]
    public void Adam_follows_the_specification(long t)
    {
        double r = 0.05;
        float alpha = 0.8f, beta = 0.95f, eps = 1e-2f, norm = 0.1f, post = 0.01f;
        double[] x = [1, -2, 0.5], g = [0.3, 0.1, -4], v = [0.5, -0.5, 0], h = [0.2, 0, 1];
        var m = Model("Adam", ["X", "G", "V", "H"], ["X_new", "V_new", "H_new"], n => n.Attr("alpha", alpha).Attr("beta", beta).Attr("epsilon", eps).Attr("norm_coefficient", norm).Attr("norm_coefficient_post", post));
        var outputs = OpTester.RunEdgeML(m.ToBytes(), Inputs(r, t, ("X", x), ("G", g), ("V", v), ("H", h)));
        double rate = t > 0 ? r * Math.Sqrt(1 - Math.Pow(beta, t)) / (1 - Math.Pow(alpha, t)) : r;
        var xNew = new double[3];
        var vNew = new double[3];
        var hNew = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double gr = norm * x[i] + g[i];
            vNew[i] = alpha * v[i] + (1 - (double)alpha) * gr;
            hNew[i] = beta * h[i] + (1 - (double)beta) * gr * gr;
            xNew[i] = (1 - (double)post) * (x[i] - rate * vNew[i] / (Math.Sqrt(hNew[i]) + eps));
        }
        AssertClose(xNew, outputs[0]);
        AssertClose(vNew, outputs[1]);
        AssertClose(hNew, outputs[2]);
    }

    [Theory]
    [InlineData("standard", 0L)]
    [InlineData("standard", 5L)]
    [InlineData("nesterov", 5L)]
    public void Momentum_follows_the_specification(string mode, long t)
    {
        double r = 0.1;
        float alpha = 0.9f, beta = 0.5f, norm = 0.02f;
        double[] x = [1, -2, 0.5], g = [0.3, 0.1, -4], v = [0.5, -0.5, 0];
        var m = Model("Momentum", ["X", "G", "V"], ["X_new", "V_new"], n => n.Attr("alpha", alpha).Attr("beta", beta).Attr("norm_coefficient", norm).Attr("mode", mode));
        var outputs = OpTester.RunEdgeML(m.ToBytes(), Inputs(r, t, ("X", x), ("G", g), ("V", v)));
        double b = t > 0 ? beta : 1;
        var xNew = new double[3];
        var vNew = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double gr = norm * x[i] + g[i];
            vNew[i] = alpha * v[i] + b * gr;
            xNew[i] = mode == "nesterov" ? x[i] - r * (gr + alpha * vNew[i]) : x[i] - r * vNew[i];
        }
        AssertClose(xNew, outputs[0]);
        AssertClose(vNew, outputs[1]);
    }
}

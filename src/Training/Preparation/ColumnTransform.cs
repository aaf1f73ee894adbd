using EdgeML.Runtime.Tensors;
using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Preparation;

/// <summary>A per-column numeric transform applied after imputation and before scaling (fitted on training values).</summary>
internal abstract class ColumnTransform
{
    public abstract string Describe();
    public abstract void Fit(float[] values);
    public abstract float Apply(float value);
    /// <summary><paramref name="column"/> is [N,1] float; returns the transformed [N,1] tensor.</summary>
    public abstract string EmitOnnx(OnnxGraphBuilder graph, string column);

    public static ColumnTransform Create(string name, int bins) => name switch
    {
        "log" => new LogTransform(),
        "yeojohnson" or "yeo-johnson" => new YeoJohnsonTransform(),
        "boxcox" or "box-cox" => new BoxCoxTransform(),
        "discretize" or "bins" => new QuantileDiscretizer(bins),
        _ => throw new TrainingException($"unknown transform '{name}' (log, yeojohnson, boxcox, discretize)"),
    };
}

/// <summary>log(x − min + 1): defined for any training range, 0 at the training minimum.</summary>
internal sealed class LogTransform : ColumnTransform
{
    public float Shift { get; private set; }
    public override string Describe() => $"log(x - {Shift:G4} + 1)";
    public override void Fit(float[] values) => Shift = values.Length == 0 ? 0 : values.Min();
    public override float Apply(float value) => MathF.Log(MathF.Max(value - Shift + 1f, 1e-6f));

    public override string EmitOnnx(OnnxGraphBuilder graph, string column) =>
        graph.Apply("Log", graph.Apply("Max", graph.Apply("Add", graph.Apply("Sub", column, graph.Scalar(Shift)), graph.Scalar(1f)), graph.Scalar(1e-6f)));
}

/// <summary>Quantile bins: the value becomes its bin index 0..bins-1 (ordinal discretisation).</summary>
internal sealed class QuantileDiscretizer(int bins) : ColumnTransform
{
    public float[] Edges { get; private set; } = [];
    public override string Describe() => $"{Edges.Length + 1} quantile bins";

    public override void Fit(float[] values)
    {
        var sorted = values.Select(v => (double)v).ToArray();
        Edges = Enumerable.Range(1, bins - 1).Select(i => (float)Statistics.Quantile(sorted, i / (double)bins)).Distinct().OrderBy(v => v).ToArray();
    }

    public override float Apply(float value) => Edges.Count(edge => value > edge);

    public override string EmitOnnx(OnnxGraphBuilder graph, string column)
    {
        if (Edges.Length == 0) return graph.Apply("Mul", column, graph.Scalar(0));
        var above = graph.Cast(graph.Apply("Greater", column, graph.Constant("edges", Edges, Edges.Length)), DataType.Float);
        return graph.Apply("MatMul", above, graph.Constant("ones", Enumerable.Repeat(1f, Edges.Length).ToArray(), Edges.Length, 1));
    }
}

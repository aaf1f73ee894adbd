using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Preparation;

/// <summary>Affine scaling per column, y = (x − offset) · factor: z-score (mean, 1/std) or min-max (min, 1/range).</summary>
internal sealed class ColumnScaler(string method)
{
    public float[] Offsets { get; private set; } = [];
    public float[] Factors { get; private set; } = [];
    public string Method => method;

    public void Fit(float[][] rows)
    {
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        Offsets = new float[columns];
        Factors = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var values = rows.Select(r => (double)r[c]).ToArray();
            switch (method)
            {
                case "zscore":
                    Offsets[c] = (float)values.Average();
                    var std = Math.Sqrt(values.Sum(v => (v - Offsets[c]) * (v - Offsets[c])) / Math.Max(1, values.Length));
                    Factors[c] = std > 1e-12 ? (float)(1 / std) : 1f;
                    break;
                case "minmax":
                    Offsets[c] = (float)values.Min();
                    var range = values.Max() - values.Min();
                    Factors[c] = range > 1e-12 ? (float)(1 / range) : 1f;
                    break;
                case "none":
                    Offsets[c] = 0; Factors[c] = 1;
                    break;
                default:
                    throw new TrainingException($"unknown scaling '{method}' (zscore, minmax, none)");
            }
        }
    }

    public float Apply(int column, float value) => (value - Offsets[column]) * Factors[column];

    public string EmitOnnx(OnnxGraphBuilder graph, string input) =>
        method == "none" ? input : graph.Apply("Mul", graph.Apply("Sub", input, graph.Constant("offset", Offsets, 1, Offsets.Length)), graph.Constant("factor", Factors, 1, Factors.Length));
}

using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Preparation;

/// <summary>Per-column fill value: mean, median, most frequent value, or a constant.</summary>
internal sealed class SimpleImputer(string strategy, float constant) : NumericImputer
{
    public float[] FillValues { get; private set; } = [];
    public override string Name => strategy;

    public override void Fit(float[][] rows)
    {
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        FillValues = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var present = rows.Select(r => r[c]).Where(v => !float.IsNaN(v)).Select(v => (double)v).ToArray();
            FillValues[c] = present.Length == 0 ? constant : strategy switch
            {
                "mean" => (float)present.Average(),
                "median" => (float)Statistics.Median(present),
                "mode" => (float)present.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
                "constant" => constant,
                _ => throw new TrainingException($"unknown imputation '{strategy}'"),
            };
        }
    }

    public override float[][] Transform(float[][] rows)
    {
        var result = Copy(rows);
        foreach (var row in result)
            for (var c = 0; c < row.Length; c++)
                if (float.IsNaN(row[c])) row[c] = FillValues[c];
        return result;
    }

    public override string EmitOnnx(OnnxGraphBuilder graph, string input)
    {
        var fill = graph.Constant("fill", FillValues, 1, FillValues.Length);
        var isMissing = graph.Apply("IsNaN", input);
        return graph.Apply("Where", isMissing, fill, input);
    }
}

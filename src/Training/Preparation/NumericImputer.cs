using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Preparation;

/// <summary>
/// Fills NaN cells of the numeric block (rows × numeric columns). Fitted on the training split only; the same
/// arithmetic is written into the ONNX graph so the device imputes exactly as training did.
/// </summary>
internal abstract class NumericImputer
{
    public abstract string Name { get; }
    public abstract void Fit(float[][] rows);
    public abstract float[][] Transform(float[][] rows);
    /// <summary>Adds the imputation to the graph; <paramref name="input"/> is [N, columns] float; returns the filled tensor.</summary>
    public abstract string EmitOnnx(OnnxGraphBuilder graph, string input);

    protected static float[][] Copy(float[][] rows) => rows.Select(r => (float[])r.Clone()).ToArray();

    public static NumericImputer Create(string strategy, float constant, int neighbours) => strategy switch
    {
        "mean" or "median" or "mode" or "constant" or "drop_rows" or "drop_columns" =>
            new SimpleImputer(strategy is "drop_rows" or "drop_columns" ? "median" : strategy, constant),
        "knn" => new KnnImputer(neighbours),
        "iterative" => new IterativeImputer(rounds: 5),
        _ => throw new TrainingException($"unknown imputation '{strategy}' (mean, median, mode, constant, knn, iterative, drop_rows, drop_columns)"),
    };
}

using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using MathNet.Numerics.LinearAlgebra;

namespace EdgeML.Training.Models;

/// <summary>
/// PCA anomaly detector: the score is the squared reconstruction error after projecting onto the top principal
/// components of the training data; unusual rows lie far from that subspace. ML.NET's randomized PCA cannot be
/// exported to ONNX, so this one is fitted with MathNet's SVD and written by EdgeML.
/// </summary>
internal sealed class PcaAnomalyTrainer : ModelTrainer
{
    public override string Name => "pca";
    public override LearningTask[] Tasks => [LearningTask.Anomaly];
    public override IReadOnlyDictionary<string, double> Defaults => new Dictionary<string, double> { ["rank"] = 2 };

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        var width = data.Width;
        var rank = Math.Clamp((int)Get(hyperparameters, "rank"), 1, Math.Max(1, width - 1));
        var mean = new float[width];
        for (var j = 0; j < width; j++) mean[j] = (float)data.Features.Average(r => r[j]);
        var centred = Matrix<double>.Build.Dense(data.Rows, width, (i, j) => data.Features[i][j] - mean[j]);
        var svd = centred.Svd(computeVectors: true);
        var components = new float[width * rank];
        for (var j = 0; j < width; j++) for (var r = 0; r < rank; r++) components[j * rank + r] = (float)svd.VT[r, j];
        return new PcaAnomalyModel(mean, components, width, rank);
    }
}

internal sealed class PcaAnomalyModel(float[] mean, float[] components, int width, int rank) : TrainedModel
{
    public override string Name => "pca";

    public override ModelOutput Predict(float[][] features) => new(null, features.Select(x =>
    {
        var centred = x.Select((v, j) => v - mean[j]).ToArray();
        float total = 0;
        foreach (var v in centred) total += v * v;
        float projected = 0;
        for (var r = 0; r < rank; r++)
        {
            float p = 0;
            for (var j = 0; j < width; j++) p += centred[j] * components[j * rank + r];
            projected += p * p;
        }
        return (double)Math.Max(0f, total - projected);
    }).ToArray());

    public override string EmitOnnx(OnnxGraphBuilder graph, string features)
    {
        var centred = graph.Apply("Sub", features, graph.Constant("pca_mean", mean, 1, width));
        var total = graph.Apply("MatMul", graph.Apply("Mul", centred, centred), graph.Constant("ones", Enumerable.Repeat(1f, width).ToArray(), width, 1));
        var projection = graph.Apply("MatMul", centred, graph.Constant("pca_components", components, width, rank));
        var kept = graph.Apply("MatMul", graph.Apply("Mul", projection, projection), graph.Constant("ones", Enumerable.Repeat(1f, rank).ToArray(), rank, 1));
        return graph.Apply("Max", graph.Apply("Sub", total, kept), graph.Scalar(0f));
    }
}

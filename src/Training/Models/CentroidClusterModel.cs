using EdgeML.Compiler.Onnx;

namespace EdgeML.Training.Models;

/// <summary>
/// Assigns a row to the nearest cluster centre: outputs the squared distance to every centre (as k-means does) and
/// the nearest one. Written by EdgeML as ‖x‖² − 2·x·Cᵀ + ‖c‖².
/// </summary>
internal sealed class CentroidClusterModel(string name, float[][] centroids) : TrainedModel
{
    public override string Name => name;

    public override ModelOutput Predict(float[][] features)
    {
        var distances = features.Select(x => centroids.Select(c =>
        {
            float sum = 0;
            for (var j = 0; j < x.Length; j++) sum += (x[j] - c[j]) * (x[j] - c[j]);
            return (double)sum;
        }).ToArray()).ToArray();
        var clusters = distances.Select(d => Array.IndexOf(d, d.Min())).ToArray();
        return new ModelOutput(null, distances.Select(d => d.Min()).ToArray(), clusters);
    }

    public override string EmitOnnx(OnnxGraphBuilder graph, string features)
    {
        var k = centroids.Length;
        var width = centroids[0].Length;
        var transposed = new float[width * k];
        for (var c = 0; c < k; c++) for (var j = 0; j < width; j++) transposed[j * k + c] = centroids[c][j];
        var xx = graph.Apply("ReduceSumSquare", features).Attr("axes", [1L]).Attr("keepdims", 1);
        var xc = graph.Apply("MatMul", features, graph.Constant("centres_t", transposed, width, k));
        var cc = graph.Constant("centres_sq", centroids.Select(c => c.Sum(v => v * v)).ToArray(), 1, k);
        // Rounding can make a distance a hair below zero; a squared distance never is.
        return graph.Apply("Max", graph.Apply("Add", graph.Apply("Sub", xx, graph.Apply("Mul", xc, graph.Scalar(2))), cc), graph.Scalar(0));
    }
}

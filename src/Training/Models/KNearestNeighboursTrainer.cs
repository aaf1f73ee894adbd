using System.Numerics;
using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Models;

/// <summary>
/// k-nearest neighbours (Euclidean on the scaled features): class shares or mean target of the k nearest training
/// rows. ML.NET has none, so EdgeML writes its ONNX graph (MatMul distances, TopK, Gather).
/// </summary>
internal sealed class KNearestNeighboursTrainer : ModelTrainer
{
    private const int MaxReferenceRows = 2000;
    public override string Name => "knn";
    public override LearningTask[] Tasks => [LearningTask.Binary, LearningTask.Multiclass, LearningTask.Regression];
    public override IReadOnlyDictionary<string, double> Defaults => new Dictionary<string, double> { ["k"] = 7 };
    public override IReadOnlyDictionary<string, Pipeline.ParameterRange> DefaultSpace =>
        new Dictionary<string, Pipeline.ParameterRange> { ["k"] = new() { Min = 1, Max = 30, Integer = true } };

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        var rows = Enumerable.Range(0, data.Rows).ToArray();
        if (rows.Length > MaxReferenceRows) rows = Splits.DataSplitter.Shuffle(rows, seed)[..MaxReferenceRows].OrderBy(i => i).ToArray();
        var k = Math.Clamp((int)Get(hyperparameters, "k"), 1, rows.Length);
        var width = classes >= 2 ? classes : 1;
        var targets = rows.Select(i => classes >= 2
            ? Enumerable.Range(0, classes).Select(c => c == (int)data.Target[i] ? 1f : 0f).ToArray()
            : [(float)data.Target[i]]).ToArray();
        return new KNearestNeighboursModel(rows.Select(i => data.Features[i]).ToArray(), targets, k, width, classes >= 2);
    }
}

internal sealed class KNearestNeighboursModel(float[][] reference, float[][] targets, int k, int outputs, bool classification) : TrainedModel
{
    public override string Name => "knn";

    public override ModelOutput Predict(float[][] features)
    {
        var squaredNorms = reference.Select(r => Dot(r, r)).ToArray();
        var results = features.Select(x =>
        {
            var xx = Dot(x, x);
            var distance = new float[reference.Length];
            for (var r = 0; r < reference.Length; r++) distance[r] = xx - Dot(x, reference[r]) * 2f + squaredNorms[r];
            var nearest = Nearest(distance, k);
            var sum = new float[outputs];
            foreach (var r in nearest) for (var o = 0; o < outputs; o++) sum[o] += targets[r][o];
            return sum.Select(v => (double)(v / k)).ToArray();
        }).ToArray();
        return classification ? new ModelOutput(results, null) : new ModelOutput(null, results.Select(r => r[0]).ToArray());
    }

    /// <summary>The k rows nearest first, ties to the lower row (as a stable sort would order them), by insertion
    /// into a sorted window of k: O(n·k) with k small, where sorting every distance per row cost O(n log n).</summary>
    internal static int[] Nearest(float[] distance, int k)
    {
        var best = new int[k];
        var count = 0;
        for (var r = 0; r < distance.Length; r++)
        {
            var d = distance[r];
            // Strictly nearer than the current k-th: an equal distance at a later row never displaces an earlier one.
            if (count == k && !(d < distance[best[k - 1]])) continue;
            var i = count < k ? count++ : k - 1;
            while (i > 0 && d < distance[best[i - 1]]) { best[i] = best[i - 1]; i--; }
            best[i] = r;
        }
        return best;
    }

    /// <summary>SIMD dot product (lane sums, then the tail): explanations and permutation importance call
    /// <see cref="Predict"/> on hundreds of thousands of rows, each against every reference row.</summary>
    private static float Dot(float[] a, float[] b)
    {
        var i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var lanes = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
                lanes += new Vector<float>(a, i) * new Vector<float>(b, i);
            sum = Vector.Sum(lanes);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public override string EmitOnnx(OnnxGraphBuilder graph, string features)
    {
        var n = reference.Length;
        var width = reference[0].Length;
        var referenceT = new float[width * n];
        for (var r = 0; r < n; r++) for (var c = 0; c < width; c++) referenceT[c * n + r] = reference[r][c];
        var xx = graph.Apply("MatMul", graph.Apply("Mul", features, features), graph.Constant("ones", Enumerable.Repeat(1f, width).ToArray(), width, 1));
        var xr = graph.Apply("MatMul", features, graph.Constant("knn_ref_t", referenceT, width, n));
        var rr = graph.Constant("knn_ref_sq", reference.Select(r => r.Sum(v => v * v)).ToArray(), 1, n);
        var distance = graph.Apply("Add", graph.Apply("Sub", xx, graph.Apply("Mul", xr, graph.Scalar(2f))), rr);
        var topk = graph.Apply("TopK", "", 2, distance, graph.Constant("k", [k], 1)).Attr("largest", 0).Attr("sorted", 1).Outputs;
        var table = graph.Constant("knn_targets", targets.SelectMany(t => t).ToArray(), n, outputs);
        var picked = Enumerable.Range(0, k).Select(t => (string)
            graph.Apply("Gather", table, graph.Apply("Gather", topk[1], graph.Constant("t", [t], 1)).Attr("axis", 1)).Attr("axis", 0)).ToArray();
        var sum = picked.Length == 1 ? picked[0] : graph.Apply("Sum", picked);
        return graph.Apply("Div", graph.Apply("Reshape", sum, graph.Constant("shape", [-1, outputs], 2)), graph.Scalar(k));
    }
}

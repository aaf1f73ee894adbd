namespace EdgeML.Training.Models;

/// <summary>
/// What a model says about each row: class probabilities (classification), a score (regression value, ranking
/// score, anomaly score) or a cluster with its distances (clustering).
/// </summary>
internal sealed record ModelOutput(double[][]? Probabilities, double[]? Scores, int[]? Clusters = null)
{
    /// <summary>Predicted class per row; ties go to the lower index (as ONNX ArgMax does).</summary>
    public int[] Classes()
    {
        if (Probabilities is null) throw new InvalidOperationException("not a classification output");
        return Probabilities.Select(p =>
        {
            var best = 0;
            for (var k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
            return best;
        }).ToArray();
    }
}

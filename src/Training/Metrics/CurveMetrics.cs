namespace EdgeML.Training.Metrics;

/// <summary>One operating point of a threshold sweep.</summary>
public sealed record CurvePoint(double Threshold, double X, double Y);

/// <summary>
/// ROC and precision-recall curves of a binary scorer (positive = true), thresholds taken at every distinct score
/// (tied scores move together). ROC AUC by the trapezoid rule; PR AUC as average precision (step-wise, no interpolation).
/// </summary>
public static class CurveMetrics
{
    public static IReadOnlyList<CurvePoint> Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var (p, n) = Counts(positive);
        var points = new List<CurvePoint> { new(double.PositiveInfinity, 0, 0) };
        foreach (var (threshold, tp, fp) in Sweep(scores, positive))
            points.Add(new CurvePoint(threshold, n == 0 ? 0 : fp / (double)n, p == 0 ? 0 : tp / (double)p));
        return points;
    }

    /// <summary>Points are (recall, precision), starting at recall 0 with precision 1.</summary>
    public static IReadOnlyList<CurvePoint> PrecisionRecall(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var (p, _) = Counts(positive);
        var points = new List<CurvePoint> { new(double.PositiveInfinity, 0, 1) };
        foreach (var (threshold, tp, fp) in Sweep(scores, positive))
            points.Add(new CurvePoint(threshold, p == 0 ? 0 : tp / (double)p, tp + fp == 0 ? 1 : tp / (double)(tp + fp)));
        return points;
    }

    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var (p, n) = Counts(positive);
        if (p == 0 || n == 0) return double.NaN;
        var curve = Roc(scores, positive);
        double area = 0;
        for (var i = 1; i < curve.Count; i++) area += (curve[i].X - curve[i - 1].X) * (curve[i].Y + curve[i - 1].Y) / 2;
        return area;
    }

    /// <summary>AP = Σ (R_i − R_{i−1}) · P_i, the area under the step-wise PR curve.</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var curve = PrecisionRecall(scores, positive);
        double area = 0;
        for (var i = 1; i < curve.Count; i++) area += (curve[i].X - curve[i - 1].X) * curve[i].Y;
        return area;
    }

    /// <summary>One-vs-rest ROC AUC averaged over classes that occur (macro), for multiclass probabilities.</summary>
    public static double MacroRocAuc(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> truth, int classes)
    {
        var aucs = new List<double>();
        for (var k = 0; k < classes; k++)
        {
            var auc = RocAuc(probabilities.Select(p => p[k]).ToArray(), truth.Select(t => t == k).ToArray());
            if (!double.IsNaN(auc)) aucs.Add(auc);
        }
        return aucs.Count == 0 ? double.NaN : aucs.Average();
    }

    private static (long Positives, long Negatives) Counts(IReadOnlyList<bool> positive)
    {
        var p = positive.LongCount(x => x);
        return (p, positive.Count - p);
    }

    private static IEnumerable<(double Threshold, long TruePositives, long FalsePositives)> Sweep(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (positive[order[i]]) tp++; else fp++;
            if (i + 1 < order.Length && scores[order[i + 1]] == scores[order[i]]) continue;
            yield return (scores[order[i]], tp, fp);
        }
    }
}

namespace EdgeML.Training.Metrics;

/// <summary>One reliability-diagram bin: mean confidence vs observed accuracy of the predictions in it.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>Calibration of predicted probabilities: reliability curve with equal-width bins, ECE, log loss, Brier.</summary>
public static class CalibrationMetrics
{
    /// <summary>Bins by confidence in [0,1]; bin b holds confidences in (b/B, (b+1)/B], the first bin also holds 0.</summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityCurve(IReadOnlyList<double> confidence, IReadOnlyList<bool> correct, int bins = 10)
    {
        var members = Enumerable.Range(0, bins).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < confidence.Count; i++)
            members[Math.Clamp((int)Math.Ceiling(confidence[i] * bins) - 1, 0, bins - 1)].Add(i);
        return members.Select((m, b) => new ReliabilityBin(b / (double)bins, (b + 1) / (double)bins, m.Count,
            m.Count == 0 ? 0 : m.Average(i => confidence[i]), m.Count == 0 ? 0 : m.Average(i => correct[i] ? 1.0 : 0.0))).ToList();
    }

    /// <summary>ECE = Σ_b (n_b / n) · |accuracy_b − confidence_b|.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double> confidence, IReadOnlyList<bool> correct, int bins = 10)
    {
        var total = confidence.Count;
        return total == 0 ? 0 : ReliabilityCurve(confidence, correct, bins).Sum(b => b.Count / (double)total * Math.Abs(b.Accuracy - b.MeanConfidence));
    }

    public static double LogLoss(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> truth) =>
        -truth.Select((t, i) => Math.Log(Math.Clamp(probabilities[i][t], 1e-15, 1))).Average();

    public static double BrierScore(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> truth) =>
        truth.Select((t, i) => probabilities[i].Select((p, k) => (p - (k == t ? 1 : 0)) * (p - (k == t ? 1 : 0))).Sum()).Average();
}

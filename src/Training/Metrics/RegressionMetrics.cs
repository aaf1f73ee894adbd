namespace EdgeML.Training.Metrics;

/// <summary>Errors of numeric predictions.</summary>
public static class RegressionMetrics
{
    public static double MeanSquaredError(IReadOnlyList<double> truth, IReadOnlyList<double> predicted) =>
        Pairs(truth, predicted).Average(p => (p.T - p.P) * (p.T - p.P));

    public static double RootMeanSquaredError(IReadOnlyList<double> truth, IReadOnlyList<double> predicted) =>
        Math.Sqrt(MeanSquaredError(truth, predicted));

    public static double MeanAbsoluteError(IReadOnlyList<double> truth, IReadOnlyList<double> predicted) =>
        Pairs(truth, predicted).Average(p => Math.Abs(p.T - p.P));

    /// <summary>Coefficient of determination, 1 − SSE/SST (can be negative).</summary>
    public static double RSquared(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        var mean = truth.Average();
        var sst = truth.Sum(t => (t - mean) * (t - mean));
        var sse = Pairs(truth, predicted).Sum(p => (p.T - p.P) * (p.T - p.P));
        return sst == 0 ? double.NaN : 1 - sse / sst;
    }

    private static IEnumerable<(double T, double P)> Pairs(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException("truth and predictions differ in length");
        if (truth.Count == 0) throw new ArgumentException("no values");
        return truth.Zip(predicted, (t, p) => (t, p));
    }
}

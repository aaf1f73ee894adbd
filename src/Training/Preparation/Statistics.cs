namespace EdgeML.Training.Preparation;

/// <summary>Small descriptive statistics shared by imputers, EDA and baselines.</summary>
internal static class Statistics
{
    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    /// <summary>Linear-interpolated quantile (numpy's default "linear" method).</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    public static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }

    public static double PearsonCorrelation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var pairs = x.Zip(y).Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToArray();
        if (pairs.Length < 3) return double.NaN;
        var mx = pairs.Average(p => p.First);
        var my = pairs.Average(p => p.Second);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (a, b) in pairs) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my); }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}

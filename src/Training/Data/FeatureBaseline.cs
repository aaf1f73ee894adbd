using EdgeML.Training.Preparation;

namespace EdgeML.Training.Data;

/// <summary>
/// The training data's distribution per input column, stored with the model so the device can detect drift:
/// quantiles, a 10-bin histogram and the missing rate (numeric), category frequencies (categorical).
/// </summary>
public sealed record FeatureBaseline(string Column, string Kind, double MissingRate, double[]? Quantiles, double[]? QuantileLevels,
    double[]? HistogramEdges, long[]? HistogramCounts, double? Mean, double? StandardDeviation, Dictionary<string, double>? CategoryFrequencies)
{
    public static readonly double[] Levels = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

    public static List<FeatureBaseline> Compute(DataTable train, IEnumerable<string> columns) => columns.Select(name =>
    {
        var column = train[name];
        var missing = column.MissingCount() / (double)Math.Max(1, column.Length);
        if (column.Numbers is not null)
        {
            var values = column.Numbers.Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length == 0) return new FeatureBaseline(name, "numeric", missing, null, null, null, null, null, null, null);
            double min = values.Min(), max = values.Max();
            var edges = Enumerable.Range(0, 11).Select(i => min + (max - min) * i / 10).ToArray();
            var counts = new long[10];
            foreach (var v in values) counts[max == min ? 0 : Math.Min(9, (int)((v - min) / (max - min) * 10))]++;
            var mean = values.Average();
            return new FeatureBaseline(name, "numeric", missing, Levels.Select(q => Statistics.Quantile(values, q)).ToArray(), Levels,
                edges, counts, mean, Math.Sqrt(Statistics.Variance(values)), null);
        }
        var present = column.Strings!.Where(s => s is not null).ToArray();
        var frequencies = present.GroupBy(s => s!).ToDictionary(g => g.Key, g => g.Count() / (double)Math.Max(1, present.Length));
        return new FeatureBaseline(name, "categorical", missing, null, null, null, null, null, null, frequencies);
    }).ToList();
}

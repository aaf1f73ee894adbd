using EdgeML.Training.Preparation;

namespace EdgeML.Training.Data;

/// <summary>One column's EDA line.</summary>
public sealed record ColumnSummary(string Name, string Kind, int Missing, double MissingPercent, int Distinct,
    double? Mean, double? StandardDeviation, double? Min, double? Median, double? Max, string? TopValues);

/// <summary>The EDA shown in the report: types, missing %, distributions, correlations, label balance.</summary>
public sealed record ExploratoryAnalysis(int Rows, IReadOnlyList<ColumnSummary> Columns, IReadOnlyList<string> NumericColumns,
    double[][] Correlations, IReadOnlyDictionary<string, int> LabelBalance)
{
    /// <summary>Non-missing values of the label (when numeric) and of the first numeric columns, for the report's histograms.</summary>
    public IReadOnlyList<(string Column, double[] Values)> Distributions { get; init; } = [];

    private const int MaxHistograms = 8;

    public static ExploratoryAnalysis Of(DataTable table, string? label)
    {
        var summaries = table.Columns.Select(c =>
        {
            var missing = c.MissingCount();
            if (c.Numbers is not null)
            {
                var values = c.Numbers.Where(v => !double.IsNaN(v)).ToArray();
                return new ColumnSummary(c.Name, c.Kind.ToString(), missing, 100.0 * missing / Math.Max(1, c.Length), values.Distinct().Count(),
                    values.Length == 0 ? null : values.Average(), values.Length == 0 ? null : Math.Sqrt(Statistics.Variance(values)),
                    values.Length == 0 ? null : values.Min(), values.Length == 0 ? null : Statistics.Median(values), values.Length == 0 ? null : values.Max(), null);
            }
            var groups = c.Strings!.Where(s => s is not null).GroupBy(s => s!).OrderByDescending(g => g.Count()).ToArray();
            return new ColumnSummary(c.Name, c.Kind.ToString(), missing, 100.0 * missing / Math.Max(1, c.Length), groups.Length,
                null, null, null, null, null, string.Join(", ", groups.Take(5).Select(g => $"{g.Key} ({g.Count()})")));
        }).ToList();
        var numeric = table.Columns.Where(c => c.Kind == ColumnKind.Numeric).Take(20).ToList();
        var correlations = numeric.Select(a => numeric.Select(b => Statistics.PearsonCorrelation(a.Numbers!, b.Numbers!)).ToArray()).ToArray();
        var balance = new Dictionary<string, int>();
        if (label is not null && table.Has(label) && table[label].Kind != ColumnKind.Numeric)
            foreach (var g in Enumerable.Range(0, table.RowCount).GroupBy(i => table[label].Format(i)).OrderBy(g => g.Key, StringComparer.Ordinal))
                balance[g.Key.Length == 0 ? "(missing)" : g.Key] = g.Count();
        var shown = numeric.OrderBy(c => c.Name != label).Take(MaxHistograms).Select(c => (c.Name, c.Numbers!.Where(v => !double.IsNaN(v)).ToArray())).ToList();
        return new ExploratoryAnalysis(table.RowCount, summaries, numeric.Select(c => c.Name).ToList(), correlations, balance) { Distributions = shown };
    }
}

namespace EdgeML.Runtime.Monitoring;

/// <summary>
/// One input column's training distribution, as stored in the MonitoringBaseline section. Numeric
/// features fill the quantile, histogram, mean and deviation fields; categorical ones fill
/// <see cref="Categories"/>. Arrays a kind does not use are empty.
/// </summary>
public sealed class FeatureStatistics
{
    public required string Name { get; init; }
    public required BaselineFeatureKind Kind { get; init; }
    /// <summary>Share of training rows where the value was missing (0..1).</summary>
    public required float MissingRate { get; init; }
    public float Mean { get; init; }
    public float StandardDeviation { get; init; }
    /// <summary>Probability levels (0..1, ascending) of <see cref="QuantileValues"/>.</summary>
    public float[] QuantileLevels { get; init; } = [];
    public float[] QuantileValues { get; init; } = [];
    /// <summary>Bin edges, ascending; bin i is [edge i, edge i+1), the last bin also holds its upper edge.</summary>
    public float[] HistogramEdges { get; init; } = [];
    /// <summary>Training rows per bin; one fewer than the edges.</summary>
    public uint[] HistogramCounts { get; init; } = [];
    /// <summary>Category and its share of the non-missing training rows.</summary>
    public (string Value, float Frequency)[] Categories { get; init; } = [];

    /// <summary>
    /// The histogram bin a value falls in, or -1 below the first edge and <see cref="HistogramCounts"/>.Length
    /// above the last: out-of-range values are drift signals of their own.
    /// </summary>
    public int Bin(float value)
    {
        var edges = HistogramEdges;
        if (edges.Length < 2 || value < edges[0]) return -1;
        if (value > edges[^1]) return HistogramCounts.Length;
        // Binary search for the last edge <= value; the top edge belongs to the last bin.
        int low = 0, high = edges.Length - 2;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (edges[mid] <= value) low = mid; else high = mid - 1;
        }
        return low;
    }
}

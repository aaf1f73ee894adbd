namespace EdgeML.Training.Metrics;

/// <summary>
/// Metrics of ranked lists. <c>ranked</c> is the recommendation list best-first; <c>relevant</c> the set of
/// relevant items; graded relevance via a dictionary (missing = 0).
/// </summary>
public static class RankingMetrics
{
    public static double PrecisionAtK<T>(IReadOnlyList<T> ranked, ISet<T> relevant, int k) =>
        k == 0 ? 0 : ranked.Take(k).Count(relevant.Contains) / (double)k;

    public static double RecallAtK<T>(IReadOnlyList<T> ranked, ISet<T> relevant, int k) =>
        relevant.Count == 0 ? 0 : ranked.Take(k).Count(relevant.Contains) / (double)relevant.Count;

    public static double HitRateAtK<T>(IReadOnlyList<T> ranked, ISet<T> relevant, int k) => ranked.Take(k).Any(relevant.Contains) ? 1 : 0;

    public static double ReciprocalRank<T>(IReadOnlyList<T> ranked, ISet<T> relevant)
    {
        for (var i = 0; i < ranked.Count; i++) if (relevant.Contains(ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    public static double MeanReciprocalRank<T>(IEnumerable<(IReadOnlyList<T> Ranked, ISet<T> Relevant)> queries) =>
        queries.Average(q => ReciprocalRank(q.Ranked, q.Relevant));

    /// <summary>AP = mean over relevant items of precision at the rank each is found (unfound ones count 0).</summary>
    public static double AveragePrecision<T>(IReadOnlyList<T> ranked, ISet<T> relevant)
    {
        if (relevant.Count == 0) return 0;
        double sum = 0;
        var hits = 0;
        for (var i = 0; i < ranked.Count; i++)
            if (relevant.Contains(ranked[i])) sum += ++hits / (double)(i + 1);
        return sum / relevant.Count;
    }

    public static double MeanAveragePrecision<T>(IEnumerable<(IReadOnlyList<T> Ranked, ISet<T> Relevant)> queries) =>
        queries.Average(q => AveragePrecision(q.Ranked, q.Relevant));

    public static double CumulativeGain(IReadOnlyList<double> gains, int k) => gains.Take(k).Sum();

    /// <summary>DCG = Σ gain_i / log2(i + 1), i from 1 (the first item is not discounted).</summary>
    public static double DiscountedCumulativeGain(IReadOnlyList<double> gains, int k)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(k, gains.Count); i++) sum += gains[i] / Math.Log2(i + 2);
        return sum;
    }

    /// <summary>DCG divided by the DCG of the gains sorted best-first; 0 when no item has gain.</summary>
    public static double NormalizedDiscountedCumulativeGain(IReadOnlyList<double> gains, int k)
    {
        var ideal = DiscountedCumulativeGain(gains.OrderByDescending(g => g).ToArray(), k);
        return ideal == 0 ? 0 : DiscountedCumulativeGain(gains, k) / ideal;
    }

    /// <summary>Intra-list diversity: mean pairwise distance between the first k items.</summary>
    public static double Diversity<T>(IReadOnlyList<T> ranked, int k, Func<T, T, double> distance)
    {
        var items = ranked.Take(k).ToArray();
        if (items.Length < 2) return 0;
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < items.Length; i++)
            for (var j = i + 1; j < items.Length; j++) { sum += distance(items[i], items[j]); pairs++; }
        return sum / pairs;
    }

    /// <summary>Catalog coverage: the share of all items that appear in at least one top-k list.</summary>
    public static double Coverage<T>(IEnumerable<IReadOnlyList<T>> lists, int k, int catalogSize) =>
        catalogSize == 0 ? 0 : lists.SelectMany(l => l.Take(k)).Distinct().Count() / (double)catalogSize;
}

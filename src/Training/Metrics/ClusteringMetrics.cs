namespace EdgeML.Training.Metrics;

/// <summary>Internal cluster quality (no labels needed).</summary>
public static class ClusteringMetrics
{
    /// <summary>Mean silhouette s = (b − a) / max(a, b), Euclidean; rows in singleton clusters score 0.</summary>
    public static double Silhouette(IReadOnlyList<float[]> points, IReadOnlyList<int> clusters)
    {
        var n = points.Count;
        if (n < 2 || clusters.Distinct().Count() < 2) return 0;
        double Distance(int i, int j)
        {
            double sum = 0;
            for (var d = 0; d < points[i].Length; d++) sum += (points[i][d] - points[j][d]) * (points[i][d] - points[j][d]);
            return Math.Sqrt(sum);
        }
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var byCluster = Enumerable.Range(0, n).Where(j => j != i).GroupBy(j => clusters[j]).ToDictionary(g => g.Key, g => g.Average(j => Distance(i, j)));
            if (!byCluster.TryGetValue(clusters[i], out var a)) continue;
            var b = byCluster.Where(kv => kv.Key != clusters[i]).Select(kv => kv.Value).DefaultIfEmpty(0).Min();
            total += Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
        }
        return total / n;
    }
}

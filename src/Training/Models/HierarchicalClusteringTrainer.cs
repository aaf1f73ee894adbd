namespace EdgeML.Training.Models;

/// <summary>
/// Agglomerative (hierarchical) clustering with Ward linkage: every row starts as its own cluster and the pair whose
/// merge least increases the within-cluster variance is merged, until <c>clusters</c> remain. Merges are found with the
/// nearest-neighbour chain (O(n²), exact for Ward) on squared distances with the Lance–Williams update, then replayed
/// in order of height to cut the tree. ML.NET has no such learner; the deployed model assigns a row to the nearest
/// final cluster centre (written by EdgeML like k-means' graph), which is how a dendrogram cut labels new data.
/// </summary>
internal sealed class HierarchicalClusteringTrainer : ModelTrainer
{
    private const int MaxRows = 1000;
    public override string Name => "hierarchical";
    public override LearningTask[] Tasks => [LearningTask.Clustering];
    public override IReadOnlyDictionary<string, double> Defaults => new Dictionary<string, double> { ["clusters"] = 3 };
    public override IReadOnlyDictionary<string, Pipeline.ParameterRange> DefaultSpace =>
        new Dictionary<string, Pipeline.ParameterRange> { ["clusters"] = new() { Min = 2, Max = 10, Integer = true } };

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        // Evenly spaced rows bound the O(n²) distance matrix.
        var step = Math.Max(1, (data.Rows + MaxRows - 1) / MaxRows);
        var rows = data.Features.Where((_, i) => i % step == 0).ToArray();
        var k = Math.Clamp((int)Get(hyperparameters, "clusters"), 1, rows.Length);
        var labels = Cut(rows, k);
        var width = data.Width;
        var centroids = Enumerable.Range(0, k).Select(c =>
        {
            var members = rows.Where((_, i) => labels[i] == c).ToArray();
            return Enumerable.Range(0, width).Select(j => (float)members.Average(m => m[j])).ToArray();
        }).ToArray();
        return new CentroidClusterModel(Name, centroids);
    }

    /// <summary>Cluster 0..k-1 of every row after the Ward merges that leave <paramref name="k"/> clusters.</summary>
    public static int[] Cut(float[][] rows, int k)
    {
        var merges = WardMerges(rows).OrderBy(m => m.Height).ToList();
        var parent = Enumerable.Range(0, rows.Length).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        foreach (var (a, b, _) in merges.Take(rows.Length - k)) parent[Root(b)] = Root(a);
        // Number the clusters by their first row, so the labelling is stable.
        var ids = new Dictionary<int, int>();
        return Enumerable.Range(0, rows.Length).Select(i => ids.TryGetValue(Root(i), out var id) ? id : ids[Root(i)] = ids.Count).ToArray();
    }

    /// <summary>All n − 1 merges (two row indices standing for the clusters, and the Ward distance), in the order the chain finds them.</summary>
    public static List<(int A, int B, double Height)> WardMerges(float[][] rows)
    {
        var n = rows.Length;
        var distance = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
            {
                double d = 0;
                for (var f = 0; f < rows[i].Length; f++) d += (rows[i][f] - rows[j][f]) * (double)(rows[i][f] - rows[j][f]);
                distance[i, j] = distance[j, i] = d;
            }
        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merges = new List<(int, int, double)>();
        var chain = new List<int>();
        for (var remaining = n; remaining > 1;)
        {
            if (chain.Count == 0) chain.Add(Array.IndexOf(active, true));
            var a = chain[^1];
            var previous = chain.Count > 1 ? chain[^2] : -1;
            // Nearest active cluster to a; the previous chain element wins ties, which guarantees termination.
            var b = previous;
            var best = previous >= 0 ? distance[a, previous] : double.PositiveInfinity;
            for (var c = 0; c < n; c++)
                if (active[c] && c != a && distance[a, c] < best) { best = distance[a, c]; b = c; }
            if (b != previous) { chain.Add(b); continue; }
            chain.RemoveRange(chain.Count - 2, 2);
            merges.Add((a, b, best));
            // Lance–Williams update for Ward: the merged cluster lives on in slot a.
            for (var c = 0; c < n; c++)
            {
                if (!active[c] || c == a || c == b) continue;
                var total = size[a] + size[b] + size[c];
                distance[a, c] = distance[c, a] = ((size[a] + size[c]) * distance[a, c] + (size[b] + size[c]) * distance[b, c] - size[c] * best) / total;
            }
            size[a] += size[b];
            active[b] = false;
            remaining--;
        }
        return merges;
    }
}

namespace EdgeML.Training.Sampling;

/// <summary>Draws a subset of row indices: simple random, stratified (keeps class shares), weighted, reservoir (one pass).</summary>
public static class RowSampling
{
    public static int[] Random(int rows, int size, int seed) =>
        Splits.DataSplitter.Shuffle(Enumerable.Range(0, rows).ToArray(), seed)[..Math.Min(size, rows)].OrderBy(i => i).ToArray();

    /// <summary>Each class gets round(size · share) rows, at least one when present.</summary>
    public static int[] Stratified(IReadOnlyList<int> classes, int size, int seed)
    {
        var result = new List<int>();
        foreach (var g in Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).OrderBy(g => g.Key))
        {
            var take = Math.Max(1, (int)Math.Round(size * g.Count() / (double)classes.Count));
            result.AddRange(Splits.DataSplitter.Shuffle(g.ToArray(), seed + g.Key).Take(take));
        }
        return result.OrderBy(i => i).ToArray();
    }

    /// <summary>Without replacement, each draw proportional to weight (Efraimidis–Spirakis keys u^(1/w)).</summary>
    public static int[] Weighted(IReadOnlyList<double> weights, int size, int seed)
    {
        var random = new System.Random(seed);
        return Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0)
            .Select(i => (Row: i, Key: Math.Pow(random.NextDouble(), 1 / weights[i])))
            .OrderByDescending(p => p.Key).Take(size).Select(p => p.Row).OrderBy(i => i).ToArray();
    }

    /// <summary>Algorithm R: a uniform sample of a stream whose length is not known in advance.</summary>
    public static T[] Reservoir<T>(IEnumerable<T> stream, int size, int seed)
    {
        var random = new System.Random(seed);
        var reservoir = new List<T>(size);
        var seen = 0;
        foreach (var item in stream)
        {
            seen++;
            if (reservoir.Count < size) reservoir.Add(item);
            else
            {
                var j = random.Next(seen);
                if (j < size) reservoir[j] = item;
            }
        }
        return reservoir.ToArray();
    }
}

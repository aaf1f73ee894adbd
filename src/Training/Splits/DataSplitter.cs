using EdgeML.Training.Data;

namespace EdgeML.Training.Splits;

/// <summary>
/// Train / validation / test splits: random, stratified by label, by time (train on the past, test on the
/// future, rows sharing a timestamp never straddle a boundary) or by group (a group lives in one split only).
/// </summary>
public static class DataSplitter
{
    public static SplitIndices Random(int rows, double validation, double test, int seed)
    {
        var order = Shuffle(Enumerable.Range(0, rows).ToArray(), seed);
        return Cut(order, validation, test);
    }

    public static SplitIndices Stratified(IReadOnlyList<int> classes, double validation, double test, int seed)
    {
        var train = new List<int>();
        var valid = new List<int>();
        var testRows = new List<int>();
        foreach (var group in Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).OrderBy(g => g.Key))
        {
            var cut = Cut(Shuffle(group.ToArray(), seed + group.Key), validation, test);
            train.AddRange(cut.Train);
            valid.AddRange(cut.Validation);
            testRows.AddRange(cut.Test);
        }
        return new SplitIndices(Sorted(train), Sorted(valid), Sorted(testRows));
    }

    public static SplitIndices ByTime(IReadOnlyList<double> times, double validation, double test)
    {
        var known = Enumerable.Range(0, times.Count).Where(i => !double.IsNaN(times[i])).OrderBy(i => times[i]).ThenBy(i => i).ToArray();
        if (known.Length < 3) throw new TrainingException("the time column has fewer than 3 dated rows");
        var testStart = AlignToTime(known, times, (int)Math.Round(known.Length * (1 - test)));
        var validStart = AlignToTime(known, times, (int)Math.Round(known.Length * (1 - test - validation)));
        return new SplitIndices(known[..validStart], known[validStart..testStart], known[testStart..]);
    }

    /// <summary>Moves a boundary back so that all rows with the boundary's timestamp fall on its later side.</summary>
    private static int AlignToTime(int[] order, IReadOnlyList<double> times, int boundary)
    {
        boundary = Math.Clamp(boundary, 1, order.Length - 1);
        while (boundary > 1 && times[order[boundary - 1]] == times[order[boundary]]) boundary--;
        return boundary;
    }

    public static SplitIndices ByGroup(IReadOnlyList<string?> groups, double validation, double test, int seed)
    {
        var byGroup = Enumerable.Range(0, groups.Count).GroupBy(i => groups[i] ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (byGroup.Length < 3) throw new TrainingException("a group split needs at least 3 distinct groups");
        var order = Shuffle(Enumerable.Range(0, byGroup.Length).ToArray(), seed);
        var total = groups.Count;
        var train = new List<int>();
        var valid = new List<int>();
        var testRows = new List<int>();
        foreach (var g in order)
        {
            // Fill test first, then validation, so small splits still get whole groups.
            var target = testRows.Count < test * total ? testRows : valid.Count < validation * total ? valid : train;
            target.AddRange(byGroup[g]);
        }
        return new SplitIndices(Sorted(train), Sorted(valid), Sorted(testRows));
    }

    private static SplitIndices Cut(int[] order, double validation, double test)
    {
        var n = order.Length;
        var testCount = (int)Math.Round(n * test);
        var validCount = (int)Math.Round(n * validation);
        if (n - testCount - validCount < 1) throw new TrainingException($"too few rows ({n}) for the requested split fractions");
        return new SplitIndices(Sorted(order[(testCount + validCount)..]), Sorted(order[testCount..(testCount + validCount)]), Sorted(order[..testCount]));
    }

    public static int[] Shuffle(int[] items, int seed)
    {
        var result = (int[])items.Clone();
        new System.Random(seed).Shuffle(result);
        return result;
    }

    private static int[] Sorted(IEnumerable<int> rows) => rows.OrderBy(i => i).ToArray();
}

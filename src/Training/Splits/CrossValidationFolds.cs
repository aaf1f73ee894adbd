namespace EdgeML.Training.Splits;

/// <summary>Cross-validation folds over rows 0..n-1: each fold is (training rows, held-out rows).</summary>
public static class CrossValidationFolds
{
    public static IReadOnlyList<(int[] Train, int[] Test)> Create(string method, int rows, int folds, IReadOnlyList<int>? classes,
        IReadOnlyList<string?>? groups, IReadOnlyList<double>? times, int seed) => method switch
    {
        "kfold" => KFold(rows, folds, seed),
        "loo" or "leave_one_out" => LeaveOneOut(rows),
        "stratified" => StratifiedKFold(classes ?? throw new TrainingException("stratified k-fold needs a class label"), folds, seed),
        "group" => GroupKFold(groups ?? throw new TrainingException("group k-fold needs a group column (groupColumn)"), folds),
        "timeseries" => TimeSeriesSplit(times ?? throw new TrainingException("time-series split needs a time column (timeColumn)"), folds),
        _ => throw new TrainingException($"unknown cross-validation '{method}' (kfold, loo, stratified, group, timeseries)"),
    };

    public static IReadOnlyList<(int[] Train, int[] Test)> KFold(int rows, int folds, int seed)
    {
        CheckFolds(rows, folds);
        var order = DataSplitter.Shuffle(Enumerable.Range(0, rows).ToArray(), seed);
        return Enumerable.Range(0, folds).Select(f => Complement(rows, order.Where((_, i) => i % folds == f))).ToList();
    }

    public static IReadOnlyList<(int[] Train, int[] Test)> LeaveOneOut(int rows) =>
        Enumerable.Range(0, rows).Select(i => Complement(rows, [i])).ToList();

    /// <summary>Deals each class's shuffled rows round-robin to the folds, so every fold keeps the class balance.</summary>
    public static IReadOnlyList<(int[] Train, int[] Test)> StratifiedKFold(IReadOnlyList<int> classes, int folds, int seed)
    {
        CheckFolds(classes.Count, folds);
        var assignment = new int[classes.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).OrderBy(g => g.Key))
            foreach (var row in DataSplitter.Shuffle(group.ToArray(), seed + group.Key))
                assignment[row] = next++ % folds;
        return Enumerable.Range(0, folds).Select(f => Complement(classes.Count, Enumerable.Range(0, classes.Count).Where(i => assignment[i] == f))).ToList();
    }

    /// <summary>Largest groups first into the currently smallest fold (as scikit-learn's GroupKFold does).</summary>
    public static IReadOnlyList<(int[] Train, int[] Test)> GroupKFold(IReadOnlyList<string?> groups, int folds)
    {
        var byGroup = Enumerable.Range(0, groups.Count).GroupBy(i => groups[i] ?? "").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (byGroup.Count < folds) throw new TrainingException($"group k-fold: {byGroup.Count} groups for {folds} folds");
        var members = Enumerable.Range(0, folds).Select(_ => new List<int>()).ToArray();
        foreach (var group in byGroup) members.MinBy(m => m.Count)!.AddRange(group);
        return members.Select(m => Complement(groups.Count, m)).ToList();
    }

    /// <summary>Expanding window: fold k trains on the first k blocks in time order and tests on block k+1.</summary>
    public static IReadOnlyList<(int[] Train, int[] Test)> TimeSeriesSplit(IReadOnlyList<double> times, int folds)
    {
        var order = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ThenBy(i => i).ToArray();
        CheckFolds(order.Length, folds + 1);
        var block = order.Length / (folds + 1);
        return Enumerable.Range(1, folds).Select(k =>
        {
            var testEnd = k == folds ? order.Length : (k + 1) * block;
            return (order[..(k * block)].OrderBy(i => i).ToArray(), order[(k * block)..testEnd].OrderBy(i => i).ToArray());
        }).ToList();
    }

    private static void CheckFolds(int rows, int folds)
    {
        if (folds < 2) throw new TrainingException("cross-validation needs at least 2 folds");
        if (rows < folds) throw new TrainingException($"cross-validation: {rows} rows for {folds} folds");
    }

    private static (int[] Train, int[] Test) Complement(int rows, IEnumerable<int> test)
    {
        var held = test.OrderBy(i => i).ToArray();
        var set = held.ToHashSet();
        return (Enumerable.Range(0, rows).Where(i => !set.Contains(i)).ToArray(), held);
    }
}

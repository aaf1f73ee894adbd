using EdgeML.Training.Data;

namespace EdgeML.Training.Splits;

/// <summary>
/// The leakage checks shown in the report: identical rows in training and evaluation splits, evaluation rows
/// dated before the newest training row, and groups present in more than one split.
/// </summary>
public sealed record LeakageReport(
    int DuplicateRowsAcrossSplits,
    int? TestRowsBeforeLatestTrainingRow,
    string? LatestTrainingTime,
    string? EarliestTestTime,
    int? GroupsInMoreThanOneSplit,
    string StatisticsFittedOn)
{
    public bool Clean => DuplicateRowsAcrossSplits == 0 && (TestRowsBeforeLatestTrainingRow ?? 0) == 0 && (GroupsInMoreThanOneSplit ?? 0) == 0;

    public static LeakageReport Check(DataTable table, SplitIndices split, IReadOnlyList<string> featureColumns, string? timeColumn, string? groupColumn)
    {
        var trainKeys = split.Train.Select(i => table.RowKey(i, featureColumns)).ToHashSet(StringComparer.Ordinal);
        var duplicates = split.Validation.Concat(split.Test).Count(i => trainKeys.Contains(table.RowKey(i, featureColumns)));

        int? beforeLatest = null;
        string? latest = null, earliest = null;
        if (timeColumn is not null)
        {
            var time = table[timeColumn];
            var trainTimes = split.Train.Select(i => time.Numbers![i]).Where(t => !double.IsNaN(t)).ToArray();
            var testTimes = split.Test.Select(i => time.Numbers![i]).Where(t => !double.IsNaN(t)).ToArray();
            if (trainTimes.Length > 0 && testTimes.Length > 0)
            {
                var max = trainTimes.Max();
                beforeLatest = testTimes.Count(t => t <= max);
                latest = time.Format(split.Train.First(i => time.Numbers![i] == max));
                var min = testTimes.Min();
                earliest = time.Format(split.Test.First(i => time.Numbers![i] == min));
            }
        }

        int? sharedGroups = null;
        if (groupColumn is not null)
        {
            var group = table[groupColumn];
            HashSet<string> Groups(int[] rows) => rows.Select(group.Format).ToHashSet(StringComparer.Ordinal);
            var train = Groups(split.Train);
            var valid = Groups(split.Validation);
            var test = Groups(split.Test);
            sharedGroups = train.Intersect(valid).Concat(train.Intersect(test)).Concat(valid.Intersect(test)).Distinct().Count();
        }
        return new LeakageReport(duplicates, beforeLatest, latest, earliest, sharedGroups, "training split only");
    }
}

namespace EdgeML.Training.Data;

/// <summary>
/// Date columns cannot feed a model directly (and float32 cannot hold Unix seconds exactly), so each gets numeric
/// parts that vary in the data: year, month, day of week, hour. The device supplies these parts as inputs.
/// </summary>
public static class DateFeatures
{
    public static DataTable Expand(DataTable table)
    {
        var added = new List<DataColumn>();
        foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.DateTime))
        {
            var dates = column.Numbers!.Select(s => double.IsNaN(s) ? (DateTime?)null : DateTimeOffset.FromUnixTimeSeconds((long)s).UtcDateTime).ToArray();
            void Part(string suffix, Func<DateTime, double> part)
            {
                var values = dates.Select(d => d is null ? double.NaN : part(d.Value)).ToArray();
                var present = values.Where(v => !double.IsNaN(v)).Distinct().Count();
                if (present > 1 && !table.Has($"{column.Name}_{suffix}"))
                    added.Add(new DataColumn($"{column.Name}_{suffix}", ColumnKind.Numeric, values, null));
            }
            Part("year", d => d.Year);
            Part("month", d => d.Month);
            Part("dayofweek", d => (int)d.DayOfWeek);
            Part("hour", d => d.Hour + d.Minute / 60.0);
        }
        return added.Count == 0 ? table : new DataTable(table.Columns.Concat(added).ToList());
    }
}

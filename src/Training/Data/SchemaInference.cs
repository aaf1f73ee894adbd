using System.Globalization;

namespace EdgeML.Training.Data;

/// <summary>
/// Decides each column's kind from its cells: numeric when every present cell parses as a number,
/// date when every present cell parses as a date, text when nearly every value is distinct, else categorical.
/// </summary>
public static class SchemaInference
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ",
    ];

    public static DataTable Infer(RawTable raw, IReadOnlyDictionary<string, ColumnKind>? forcedKinds = null)
    {
        var columns = new List<DataColumn>(raw.ColumnNames.Count);
        for (var c = 0; c < raw.ColumnNames.Count; c++)
        {
            var name = raw.ColumnNames[c];
            var cells = raw.Rows.Select(r => r[c]).ToArray();
            var kind = forcedKinds is not null && forcedKinds.TryGetValue(name, out var forced) ? forced : Guess(cells);
            columns.Add(Build(name, kind, cells));
        }
        return new DataTable(columns);
    }

    public static ColumnKind Guess(string?[] cells)
    {
        var present = cells.Where(c => c is not null).Select(c => c!).ToArray();
        if (present.Length == 0) return ColumnKind.Categorical;
        if (present.All(c => TryNumber(c, out _))) return ColumnKind.Numeric;
        if (present.All(c => TryDate(c, out _))) return ColumnKind.DateTime;
        var distinct = present.Distinct(StringComparer.Ordinal).Count();
        return distinct > 50 && distinct > 0.5 * present.Length ? ColumnKind.Text : ColumnKind.Categorical;
    }

    private static DataColumn Build(string name, ColumnKind kind, string?[] cells)
    {
        switch (kind)
        {
            case ColumnKind.Numeric:
            {
                var values = new double[cells.Length];
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is null) { values[i] = double.NaN; continue; }
                    if (!TryNumber(cells[i]!, out values[i]))
                        throw new TrainingException($"column '{name}' row {i + 1}: '{cells[i]}' is not a number");
                }
                return new DataColumn(name, kind, values, null);
            }
            case ColumnKind.DateTime:
            {
                var values = new double[cells.Length];
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is null) { values[i] = double.NaN; continue; }
                    if (!TryDate(cells[i]!, out var date)) throw new TrainingException($"column '{name}' row {i + 1}: '{cells[i]}' is not a date");
                    values[i] = new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeSeconds();
                }
                return new DataColumn(name, kind, values, null);
            }
            default:
                return new DataColumn(name, kind, null, cells);
        }
    }

    public static bool TryNumber(string text, out double value)
    {
        if (text is "true" or "false") { value = text == "true" ? 1 : 0; return true; }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool TryDate(string text, out DateTime value) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
}

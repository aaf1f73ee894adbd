namespace EdgeML.Training.Data;

/// <summary>
/// One typed column. Numeric and DateTime columns keep <see cref="Numbers"/> (NaN = missing; dates as Unix seconds);
/// Categorical and Text columns keep <see cref="Strings"/> (null = missing).
/// </summary>
public sealed class DataColumn
{
    public DataColumn(string name, ColumnKind kind, double[]? numbers, string?[]? strings)
    {
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Strings = strings;
        if ((kind is ColumnKind.Numeric or ColumnKind.DateTime) != (numbers is not null))
            throw new ArgumentException($"column {name}: numbers must be given exactly for numeric and date columns");
        if (numbers is null && strings is null) throw new ArgumentException($"column {name} has no values");
    }

    public string Name { get; }
    public ColumnKind Kind { get; }
    public double[]? Numbers { get; }
    public string?[]? Strings { get; }
    public int Length => Numbers?.Length ?? Strings!.Length;

    public bool IsNumericLike => Numbers is not null;

    public bool IsMissing(int row) => Numbers is not null ? double.IsNaN(Numbers[row]) : Strings![row] is null;

    public int MissingCount()
    {
        var count = 0;
        for (var i = 0; i < Length; i++) if (IsMissing(i)) count++;
        return count;
    }

    /// <summary>The value as text, for CSV output and keys (invariant culture, round-trippable).</summary>
    public string Format(int row)
    {
        if (IsMissing(row)) return "";
        if (Numbers is null) return Strings![row]!;
        return Kind == ColumnKind.DateTime
            ? DateTimeOffset.FromUnixTimeSeconds((long)Numbers[row]).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            : Numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    public DataColumn Select(IReadOnlyList<int> rows)
    {
        if (Numbers is not null)
        {
            var values = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++) values[i] = Numbers[rows[i]];
            return new DataColumn(Name, Kind, values, null);
        }
        var strings = new string?[rows.Count];
        for (var i = 0; i < rows.Count; i++) strings[i] = Strings![rows[i]];
        return new DataColumn(Name, Kind, null, strings);
    }
}

namespace EdgeML.Training.Data;

/// <summary>An in-memory, column-oriented table: the unit every preparation and split step works on.</summary>
public sealed class DataTable
{
    private readonly Dictionary<string, DataColumn> _byName;

    public DataTable(IReadOnlyList<DataColumn> columns)
    {
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != RowCount)) throw new ArgumentException("columns have different lengths");
        _byName = new Dictionary<string, DataColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
            if (!_byName.TryAdd(column.Name, column)) throw new TrainingException($"duplicate column name '{column.Name}'");
    }

    public IReadOnlyList<DataColumn> Columns { get; }
    public int RowCount { get; }

    public bool Has(string name) => _byName.ContainsKey(name);

    public DataColumn this[string name] =>
        _byName.TryGetValue(name, out var column)
            ? column
            : throw new TrainingException($"column '{name}' not found (columns: {string.Join(", ", Columns.Select(c => c.Name))})");

    public DataTable Select(IReadOnlyList<int> rows) => new(Columns.Select(c => c.Select(rows)).ToList());

    public DataTable Without(params string[] names) => new(Columns.Where(c => !names.Contains(c.Name)).ToList());

    public DataTable With(DataColumn column) => new(Columns.Where(c => c.Name != column.Name).Append(column).ToList());

    /// <summary>A row's values joined as text: equal keys mean duplicate rows (used by the leakage checks).</summary>
    public string RowKey(int row, IReadOnlyList<string> columns) =>
        string.Join('\u001f', columns.Select(name => _byName[name].Format(row)));
}

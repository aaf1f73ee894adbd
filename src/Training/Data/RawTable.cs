namespace EdgeML.Training.Data;

/// <summary>Cells as read from a file, before types are inferred: text (null = missing) per row and column.</summary>
public sealed record RawTable(IReadOnlyList<string> ColumnNames, IReadOnlyList<string?[]> Rows);

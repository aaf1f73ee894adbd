using System.Text;

namespace EdgeML.Training.Data;

/// <summary>Reads RFC 4180 CSV (quoted fields, doubled quotes, embedded newlines); the first record is the header.</summary>
public static class CsvFileReader
{
    public static RawTable Read(string path)
    {
        var text = File.ReadAllText(path);
        var records = Parse(text);
        if (records.Count == 0) throw new TrainingException($"{Path.GetFileName(path)} is empty");
        var header = records[0].Select(h => h.Trim()).ToArray();
        if (header.Any(string.IsNullOrEmpty)) throw new TrainingException($"{Path.GetFileName(path)}: the header has an empty column name");
        var rows = new List<string?[]>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.Count == 1 && record[0].Length == 0) continue; // blank line
            if (record.Count != header.Length)
                throw new TrainingException($"{Path.GetFileName(path)} line {r + 1}: {record.Count} fields, the header has {header.Length}");
            rows.Add(record.Select(MissingAsNull).ToArray());
        }
        return new RawTable(header, rows);
    }

    private static string? MissingAsNull(string cell)
    {
        var trimmed = cell.Trim();
        return trimmed.Length == 0 || trimmed is "NA" or "N/A" or "NaN" or "null" or "?" ? null : trimmed;
    }

    internal static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            any = true;
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case ',': record.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    record.Add(field.ToString()); field.Clear();
                    records.Add(record); record = new List<string>(); any = false;
                    break;
                default: field.Append(c); break;
            }
        }
        if (inQuotes) throw new TrainingException("CSV ends inside a quoted field");
        if (any) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}

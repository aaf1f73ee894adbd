namespace EdgeML.Training.Data;

/// <summary>Loads a .csv or .json file and infers column types: the entry point of data assembly.</summary>
public static class TabularFileLoader
{
    public static DataTable Load(string path, IReadOnlyDictionary<string, ColumnKind>? forcedKinds = null)
    {
        if (!File.Exists(path)) throw new TrainingException($"data file not found: {path}");
        if (new FileInfo(path).Length == 0) throw new TrainingException($"{Path.GetFileName(path)} is empty");
        var raw = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvFileReader.Read(path),
            ".json" => JsonFileReader.Read(path),
            var other => throw new TrainingException($"unsupported data file type '{other}' (use .csv or .json)"),
        };
        if (raw.Rows.Count == 0) throw new TrainingException($"{Path.GetFileName(path)} has a header but no rows");
        return SchemaInference.Infer(raw, forcedKinds);
    }
}

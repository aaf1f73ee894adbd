namespace EdgeML.Oracle.Conformance;

/// <summary>One ONNX backend-test case: a folder with model.onnx and test_data_set_N folders.</summary>
public sealed record ConformanceCase(string Name, string Folder)
{
    public string ModelPath => Path.Combine(Folder, "model.onnx");

    public IEnumerable<string> DataSets => Directory.EnumerateDirectories(Folder, "test_data_set_*").OrderBy(d => d, StringComparer.Ordinal);

    /// <summary>Every case folder at or below the given roots, sorted by name.</summary>
    public static List<ConformanceCase> Find(IEnumerable<string> roots)
    {
        var result = new List<ConformanceCase>();
        foreach (var root in roots)
        {
            if (!Directory.Exists(root)) throw new Runtime.EdgeMLException($"folder not found: {root}");
            foreach (var model in Directory.EnumerateFiles(root, "model.onnx", SearchOption.AllDirectories))
            {
                var folder = Path.GetDirectoryName(model)!;
                result.Add(new ConformanceCase(Path.GetFileName(folder), folder));
            }
        }
        return result.OrderBy(c => c.Folder, StringComparer.Ordinal).ToList();
    }
}

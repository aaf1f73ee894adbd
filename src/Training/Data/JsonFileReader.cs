using System.Globalization;
using System.Text.Json;

namespace EdgeML.Training.Data;

/// <summary>Reads a JSON array of flat objects (the vega-datasets layout); column order is first appearance.</summary>
public static class JsonFileReader
{
    public static RawTable Read(string path)
    {
        var name = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new TrainingException($"{name} is not valid JSON: {e.Message.Split('\n')[0]}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new TrainingException($"{name}: expected a JSON array of objects");
            var columns = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var objects = new List<Dictionary<string, string?>>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object) throw new TrainingException($"{name}: every array element must be an object");
                var row = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (index.TryAdd(property.Name, columns.Count)) columns.Add(property.Name);
                    row[property.Name] = Cell(property.Value, name);
                }
                objects.Add(row);
            }
            if (objects.Count == 0) throw new TrainingException($"{name} is empty");
            var rows = objects.Select(o => columns.Select(c => o.GetValueOrDefault(c)).ToArray()).ToList();
            return new RawTable(columns, rows);
        }
    }

    private static string? Cell(JsonElement value, string file) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString()!.Trim(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new TrainingException($"{file}: nested arrays/objects are not supported as cell values"),
    };
}

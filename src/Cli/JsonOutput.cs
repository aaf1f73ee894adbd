using System.Text.Json;
using EdgeML.Runtime.IO;

namespace EdgeML.Cli;

/// <summary>Writes a command's figures as indented JSON, atomically.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    public static void Write(string? path, object value)
    {
        if (string.IsNullOrEmpty(path)) return;
        AtomicFile.WriteText(path, Serialize(value) + "\n");
    }
}

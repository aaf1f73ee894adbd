namespace EdgeML.Runtime.Model;

/// <summary>
/// A whole model as the runtime sees it: values, graphs (0 is the main graph), the memory plan and
/// metadata. Read from a .edgeml file by <see cref="Format.ModelReader"/>, or built in memory by the compiler.
/// </summary>
public sealed class ModelDefinition
{
    public required ValueDefinition[] Values { get; init; }
    public required GraphDefinition[] Graphs { get; init; }
    public required MemoryPlan Plan { get; set; }
    public Dictionary<string, string> Metadata { get; init; } = new();
    /// <summary>Sections the runtime carries without reading (calibration, monitoring baseline, ...).</summary>
    public Dictionary<uint, byte[]> ExtraSections { get; init; } = new();

    public GraphDefinition Main => Graphs[0];

    public int FindValue(string name)
    {
        for (int i = 0; i < Values.Length; i++) if (Values[i].Name == name) return i;
        return -1;
    }
}

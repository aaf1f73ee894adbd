namespace EdgeML.Runtime.Model;

/// <summary>A graph: the main graph is index 0; If/Loop/Scan bodies are further graphs. Values are
/// shared across graphs by index, which is how a body sees its outer scope.</summary>
public sealed class GraphDefinition
{
    public string Name { get; init; } = "";
    public required int[] Inputs { get; init; }
    public required int[] Outputs { get; init; }
    public required NodeDefinition[] Nodes { get; init; }
}

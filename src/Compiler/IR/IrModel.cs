namespace EdgeML.Compiler.IR;

/// <summary>A whole model in the IR: the main graph, the opsets it was written against, and
/// metadata carried into the .edgeml file.</summary>
public sealed class IrModel
{
    public required IrGraph Graph { get; init; }
    public Dictionary<string, long> Opsets { get; init; } = new();
    public Dictionary<string, string> Metadata { get; init; } = new();
    public string Source { get; init; } = "";
}

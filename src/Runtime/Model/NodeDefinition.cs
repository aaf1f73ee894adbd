using EdgeML.Runtime.Operators;

namespace EdgeML.Runtime.Model;

/// <summary>One operator application. Inputs and outputs are indices into the model's value table;
/// -1 marks an omitted optional input or output.</summary>
public sealed class NodeDefinition
{
    public required string Name { get; init; }
    public required OpCode Op { get; init; }
    /// <summary>The since-version of the operator definition the node was written against.</summary>
    public required int Version { get; init; }
    public required int[] Inputs { get; init; }
    public required int[] Outputs { get; init; }
    public AttributeSet Attributes { get; init; } = AttributeSet.Empty;

    public string Describe() => $"node '{Name}' ({OpCatalog.Describe(Op)}, opset {Version})";
}

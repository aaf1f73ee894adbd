using EdgeML.Runtime.Model;

namespace EdgeML.Compiler.IR;

/// <summary>A node attribute in the IR. Scalar and list payloads are the runtime's
/// <see cref="Runtime.Model.Attribute"/>; subgraphs are IR graphs until lowering numbers them.</summary>
public sealed class IrAttribute
{
    public required Runtime.Model.Attribute Payload { get; init; }
    public IrGraph[] Graphs { get; init; } = [];

    public string Name => Payload.Name;
    public AttributeType Type => Payload.Type;
}

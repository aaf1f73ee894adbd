using EdgeML.Runtime.Operators;

namespace EdgeML.Compiler.IR;

/// <summary>An operator application in the IR. Inputs and outputs may hold null for omitted
/// optional ones.</summary>
public sealed class IrNode
{
    public required string Name { get; set; }
    public required OpSchema Schema { get; set; }
    /// <summary>The since-version of the definition in force for the model's opset.</summary>
    public required int Version { get; set; }
    public List<IrValue?> Inputs { get; } = new();
    public List<IrValue?> Outputs { get; } = new();
    public List<IrAttribute> Attributes { get; } = new();

    public OpCode Op => Schema.Code;
    public string OpType => Schema.Name;
    public string Domain => Schema.Domain;

    public IrAttribute? Attribute(string name) => Attributes.Find(a => a.Name == name);

    public IEnumerable<IrGraph> Subgraphs => Attributes.SelectMany(a => a.Graphs);

    public string Describe() => $"node '{Name}' ({(Domain.Length == 0 ? OpType : Domain + "." + OpType)}, opset {Version})";

    public override string ToString() => Describe();
}

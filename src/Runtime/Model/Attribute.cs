namespace EdgeML.Runtime.Model;

/// <summary>One node attribute. Graph attributes hold the index of a subgraph in the model.
/// A TypeProto attribute is kept as its element type and kind (the only parts kernels read).</summary>
public sealed class Attribute
{
    public required string Name { get; init; }
    public AttributeType Type { get; init; }
    public float Float { get; init; }
    public long Int { get; init; }
    public string String { get; init; } = "";
    public ConstantTensor? Tensor { get; init; }
    public float[] Floats { get; init; } = [];
    public long[] Ints { get; init; } = [];
    public string[] Strings { get; init; } = [];
    public ConstantTensor[] Tensors { get; init; } = [];
    public int[] Graphs { get; init; } = [];

    public int Graph => Graphs.Length > 0 ? Graphs[0] : -1;
}

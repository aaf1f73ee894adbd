using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.IR;

/// <summary>A value of the IR graph: a graph input, a node output or a constant. Type and shape
/// start as declared by the ONNX file and are completed by shape inference.</summary>
public sealed class IrValue
{
    public IrValue(string name) => Name = name;

    public string Name { get; set; }
    public DataType Type { get; set; }
    public ValueKind Kind { get; set; }
    /// <summary>Null when the rank is unknown.</summary>
    public Dimension[]? Shape { get; set; }
    /// <summary>Concrete shape seen by the shape probe for the bound dimensions (planning input).</summary>
    public long[]? ProbedShape { get; set; }
    public ConstantTensor? Constant { get; set; }
    public QuantizationInfo? Quantization { get; set; }
    /// <summary>The node that writes this value (null for graph inputs and constants).</summary>
    public IrNode? Producer { get; set; }

    public bool IsConstant => Constant != null;

    public override string ToString() => Name;
}

using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Execution;

/// <summary>An input or output of a model as declared: name, element type, shape (symbols for
/// dimensions bound at run time; null when the rank is unknown) and kind.</summary>
public sealed record TensorInfo(string Name, DataType Type, Dimension[]? Shape, ValueKind Kind)
{
    public string ShapeText => Shape == null ? "[?]" : "[" + string.Join(",", Shape.Select(d => d.ToString())) + "]";
    public override string ToString() => $"{Name}: {DataTypeInfo.Name(Type)}{ShapeText}";
}

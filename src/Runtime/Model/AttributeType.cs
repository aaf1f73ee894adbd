namespace EdgeML.Runtime.Model;

/// <summary>Attribute kinds; the values match ONNX's AttributeProto.AttributeType.</summary>
public enum AttributeType : byte
{
    Undefined = 0,
    Float = 1,
    Int = 2,
    String = 3,
    Tensor = 4,
    Graph = 5,
    Floats = 6,
    Ints = 7,
    Strings = 8,
    Tensors = 9,
    Graphs = 10,
    TypeProto = 13,
}

namespace EdgeML.Runtime.Tensors;

/// <summary>What a graph value holds: a tensor, a sequence of tensors, a map (ai.onnx.ml ZipMap
/// output) or an empty optional.</summary>
public enum ValueKind : byte
{
    Tensor = 0,
    Sequence = 1,
    Map = 2,
    None = 3,
}

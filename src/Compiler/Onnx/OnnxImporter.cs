using EdgeML.Compiler.IR;
using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;
using Google.Protobuf;

namespace EdgeML.Compiler.Onnx;

/// <summary>
/// Imports an ONNX model (the only place that sees protobuf) into the IR: initializers and Constant
/// nodes become constants, subgraphs keep their outer-scope references, model-local functions are
/// inlined, and every node is resolved to an operator definition at the model's opset.
/// </summary>
public static class OnnxImporter
{
    /// <summary>The oldest ai.onnx opset EdgeML imports (the issue floor is 7; older operator versions run where a kernel handles them).</summary>
    public const int MinimumOpset = 1;

    public static IrModel LoadFile(string path)
    {
        if (!File.Exists(path)) throw new EdgeMLException($"model file not found: {path}");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EdgeMLException($"{path}: cannot read: {e.Message}", e);
        }
        try
        {
            return Load(bytes, Path.GetDirectoryName(Path.GetFullPath(path)), path);
        }
        catch (EdgeMLException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new EdgeMLException($"{path}: {e.Message}", e);
        }
    }

    public static IrModel Load(byte[] bytes, string? baseDirectory, string source = "<memory>")
    {
        if (bytes.Length == 0) throw new EdgeMLException("not an ONNX model: the file is empty");
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EdgeMLException($"not a valid ONNX model: {e.Message}", e);
        }
        return new OnnxImporterSession(proto, baseDirectory, source).Import();
    }

    /// <summary>Element type, kind and shape of an ONNX TypeProto.</summary>
    internal static (ValueKind Kind, DataType Type, Dimension[]? Shape) FromTypeProto(TypeProto? t)
    {
        if (t == null) return (ValueKind.Tensor, DataType.Undefined, null);
        switch (t.ValueCase)
        {
            case TypeProto.ValueOneofCase.TensorType:
            case TypeProto.ValueOneofCase.SparseTensorType:
            {
                var tt = t.TensorType ?? new TypeProto.Types.Tensor { ElemType = t.SparseTensorType.ElemType, Shape = t.SparseTensorType.Shape };
                return (ValueKind.Tensor, (DataType)tt.ElemType, tt.Shape == null ? null : tt.Shape.Dim.Select(ToDimension).ToArray());
            }
            case TypeProto.ValueOneofCase.SequenceType:
                return (ValueKind.Sequence, FromTypeProto(t.SequenceType.ElemType).Type, null);
            case TypeProto.ValueOneofCase.MapType:
                return (ValueKind.Map, FromTypeProto(t.MapType.ValueType).Type, null);
            case TypeProto.ValueOneofCase.OptionalType:
            {
                var inner = FromTypeProto(t.OptionalType.ElemType);
                return (ValueKind.None, inner.Type, inner.Shape);
            }
            default:
                return (ValueKind.Tensor, DataType.Undefined, null);
        }
    }

    private static Dimension ToDimension(TensorShapeProto.Types.Dimension d) => d.ValueCase switch
    {
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue when d.DimValue >= 0 => new Dimension(d.DimValue),
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam => new Dimension(-1, d.DimParam),
        _ => new Dimension(-1),
    };
}

using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using Google.Protobuf;

namespace EdgeML.Compiler.Onnx;

/// <summary>
/// Builds ONNX graphs in code, without exposing protobuf: tests build single-operator models
/// with it, and the training toolchain writes the ONNX graphs ML.NET cannot export.
/// </summary>
public sealed class OnnxGraphBuilder
{
    internal readonly GraphProto Proto;

    public OnnxGraphBuilder(string name = "graph") => Proto = new GraphProto { Name = name };

    /// <summary>A tensor input; a null entry in <paramref name="dims"/> or a string makes a symbolic dimension.</summary>
    public OnnxGraphBuilder Input(string name, DataType type, params object?[]? dims)
    {
        Proto.Input.Add(ValueInfo(name, type, dims));
        return this;
    }

    /// <summary>A sequence-of-tensors input.</summary>
    public OnnxGraphBuilder SequenceInput(string name, DataType elementType)
    {
        Proto.Input.Add(new ValueInfoProto { Name = name, Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = TensorType(elementType, null) } } });
        return this;
    }

    public OnnxGraphBuilder Output(string name, DataType type, params object?[]? dims)
    {
        Proto.Output.Add(ValueInfo(name, type, dims));
        return this;
    }

    public OnnxGraphBuilder SequenceOutput(string name, DataType elementType)
    {
        Proto.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = TensorType(elementType, null) } } });
        return this;
    }

    /// <summary>A map input (ai.onnx.ml DictVectorizer, CastMap).</summary>
    public OnnxGraphBuilder MapInput(string name, DataType keyType, DataType valueType)
    {
        Proto.Input.Add(new ValueInfoProto { Name = name, Type = MapType(keyType, valueType) });
        return this;
    }

    /// <summary>A sequence-of-maps output (ai.onnx.ml ZipMap).</summary>
    public OnnxGraphBuilder SequenceOfMapsOutput(string name, DataType keyType, DataType valueType)
    {
        Proto.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { SequenceType = new TypeProto.Types.Sequence { ElemType = MapType(keyType, valueType) } } });
        return this;
    }

    private static TypeProto MapType(DataType keyType, DataType valueType)
        => new() { MapType = new TypeProto.Types.Map { KeyType = (int)keyType, ValueType = TensorType(valueType, null) } };

    public OnnxGraphBuilder Initializer(string name, ConstantTensor value)
    {
        var t = ToProto(value);
        t.Name = name;
        Proto.Initializer.Add(t);
        return this;
    }

    public OnnxGraphBuilder Initializer(string name, float[] values, params long[] shape)
        => Initializer(name, ConstantTensor.From<float>(DataType.Float, shape, values));

    public OnnxGraphBuilder Initializer(string name, long[] values, params long[] shape)
        => Initializer(name, ConstantTensor.From<long>(DataType.Int64, shape, values));

    /// <summary>Adds a node and returns it for attributes. Empty strings are omitted optional inputs or outputs.</summary>
    public OnnxNodeBuilder Node(string opType, string[] inputs, string[] outputs, string domain = "", string? name = null)
    {
        var n = new NodeProto { OpType = opType, Domain = domain, Name = name ?? $"{opType}_{Proto.Node.Count}" };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        Proto.Node.Add(n);
        return new OnnxNodeBuilder(n);
    }

    private static ValueInfoProto ValueInfo(string name, DataType type, object?[]? dims)
        => new() { Name = name, Type = TensorType(type, dims) };

    private static TypeProto TensorType(DataType type, object?[]? dims)
    {
        var tt = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (dims != null)
        {
            tt.Shape = new TensorShapeProto();
            foreach (var d in dims)
            {
                tt.Shape.Dim.Add(d switch
                {
                    null => new TensorShapeProto.Types.Dimension(),
                    string s => new TensorShapeProto.Types.Dimension { DimParam = s },
                    int i => new TensorShapeProto.Types.Dimension { DimValue = i },
                    long l => new TensorShapeProto.Types.Dimension { DimValue = l },
                    _ => throw new ArgumentException($"dimension {d} must be an int, a long, a string or null"),
                });
            }
        }
        return new TypeProto { TensorType = tt };
    }

    internal static TensorProto ToProto(ConstantTensor value)
    {
        var t = new TensorProto { DataType = (int)value.Type };
        t.Dims.AddRange(value.Shape);
        if (value.Type == DataType.String) t.StringData.AddRange(value.Strings!.Select(ByteString.CopyFromUtf8));
        else t.RawData = ByteString.CopyFrom(value.Bytes);
        return t;
    }
}

using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using Google.Protobuf;

namespace EdgeML.Compiler.Onnx;

/// <summary>Reads serialized ONNX values (TensorProto, SequenceProto, OptionalProto, MapProto: the
/// conformance data's input_K.pb / output_K.pb) into run-time tensors.</summary>
public static class OnnxValueReader
{
    /// <summary>Reads <paramref name="path"/> as a value of <paramref name="kind"/> into <paramref name="target"/>.</summary>
    public static void ReadFile(string path, ValueKind kind, Tensor target)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            switch (kind)
            {
                case ValueKind.Sequence: FromSequence(SequenceProto.Parser.ParseFrom(bytes), target); break;
                case ValueKind.None: FromOptional(OptionalProto.Parser.ParseFrom(bytes), target); break;
                case ValueKind.Map: FromMap(MapProto.Parser.ParseFrom(bytes), target); break;
                default: FromTensor(TensorProto.Parser.ParseFrom(bytes), target); break;
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EdgeMLException($"{path}: not a valid serialized ONNX value: {e.Message}", e);
        }
    }

    /// <summary>Reads a TensorProto file as a constant.</summary>
    public static ConstantTensor ReadTensorFile(string path)
    {
        try
        {
            return TensorProtoReader.Read(TensorProto.Parser.ParseFrom(File.ReadAllBytes(path)), Path.GetDirectoryName(path));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new EdgeMLException($"{path}: not a valid TensorProto: {e.Message}", e);
        }
    }

    internal static void FromTensor(TensorProto proto, Tensor target)
    {
        var c = TensorProtoReader.Read(proto, null);
        target.Allocate(c.Type, c.Shape);
        if (c.Type == DataType.String) c.Strings.AsSpan().CopyTo(target.Strings);
        else c.Bytes.CopyTo(target.Bytes);
    }

    private static void FromSequence(SequenceProto s, Tensor target)
    {
        if (s.TensorValues.Count == 0 && s.ElemType != (int)SequenceProto.Types.DataType.Tensor && s.ElemType != 0)
            throw new EdgeMLException("only sequences of tensors are supported");
        var elementType = s.TensorValues.Count > 0 ? (DataType)s.TensorValues[0].DataType : DataType.Undefined;
        target.SetSequence(elementType);
        foreach (var t in s.TensorValues) FromTensor(t, target.AddItem());
    }

    private static void FromOptional(OptionalProto o, Tensor target)
    {
        switch (o.ElemType)
        {
            case (int)OptionalProto.Types.DataType.Tensor when o.TensorValue != null: FromTensor(o.TensorValue, target); break;
            case (int)OptionalProto.Types.DataType.Sequence when o.SequenceValue != null: FromSequence(o.SequenceValue, target); break;
            default: target.SetNone(); break;
        }
    }

    private static void FromMap(MapProto m, Tensor target)
    {
        var keyType = (DataType)m.KeyType;
        var valuesProto = m.Values?.TensorValues.FirstOrDefault() ?? throw new EdgeMLException("map values must be one tensor");
        var (keys, values) = target.SetMap(keyType, (DataType)valuesProto.DataType);
        if (keyType == DataType.String)
        {
            keys.Allocate(DataType.String, [m.StringKeys.Count]);
            for (int i = 0; i < m.StringKeys.Count; i++) keys.Strings[i] = m.StringKeys[i].ToStringUtf8();
        }
        else
        {
            keys.Allocate(DataType.Int64, [m.Keys.Count]);
            m.Keys.ToArray().CopyTo(keys.Span<long>());
        }
        FromTensor(valuesProto, values);
    }
}

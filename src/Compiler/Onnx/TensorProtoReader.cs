using System.Runtime.InteropServices;
using EdgeML.Compiler.Onnx.Proto;
using EdgeML.Runtime;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Onnx;

/// <summary>Decodes an ONNX TensorProto (raw bytes, typed fields or external data) into a constant.</summary>
internal static class TensorProtoReader
{
    /// <param name="baseDirectory">Where external data files are looked up (the model's folder).</param>
    public static ConstantTensor Read(TensorProto t, string? baseDirectory)
    {
        var type = (DataType)t.DataType;
        string name = t.Name.Length > 0 ? $"tensor '{t.Name}'" : "a tensor";
        if (!DataTypeInfo.IsValid(type) || t.DataType > 26) throw new EdgeMLException($"{name} has unknown data type {t.DataType}");
        var dims = t.Dims.ToArray();
        long count = 1;
        foreach (var d in dims)
        {
            if (d < 0) throw new EdgeMLException($"{name} has a negative dimension {d}");
            count = checked(count * d);
        }
        if (count > int.MaxValue) throw new EdgeMLException($"{name} has more than 2^31 elements");

        if (type == DataType.String)
        {
            if (t.StringData.Count != count) throw new EdgeMLException($"{name} has {t.StringData.Count} strings for {count} elements");
            return new ConstantTensor(dims, t.StringData.Select(s => s.ToStringUtf8()).ToArray());
        }

        long bytes = DataTypeInfo.ByteSize(type, count);
        if (t.DataLocation == TensorProto.Types.DataLocation.External)
            return new ConstantTensor(type, dims, ReadExternal(t, baseDirectory, bytes, name));
        if (!t.RawData.IsEmpty || count == 0 || NoTypedData(t))
        {
            var raw = t.RawData.Span;
            if (raw.Length != bytes) throw new EdgeMLException($"{name} has {raw.Length} bytes of data for {count} elements of {DataTypeInfo.Name(type)}");
            return new ConstantTensor(type, dims, raw);
        }
        var buffer = new byte[bytes];
        switch (type)
        {
            case DataType.Float: CopyTyped(t.FloatData.ToArray(), buffer, count, name); break;
            case DataType.Double: CopyTyped(t.DoubleData.ToArray(), buffer, count, name); break;
            case DataType.Complex64: CopyTyped(t.FloatData.ToArray(), buffer, count * 2, name); break;
            case DataType.Complex128: CopyTyped(t.DoubleData.ToArray(), buffer, count * 2, name); break;
            case DataType.Int64: CopyTyped(t.Int64Data.ToArray(), buffer, count, name); break;
            case DataType.UInt64: CopyTyped(t.Uint64Data.ToArray(), buffer, count, name); break;
            case DataType.UInt32: CopyTyped(t.Uint64Data.Select(v => (uint)v).ToArray(), buffer, count, name); break;
            case DataType.Int32: CopyTyped(t.Int32Data.ToArray(), buffer, count, name); break;
            case DataType.Int16: CopyTyped(t.Int32Data.Select(v => (short)v).ToArray(), buffer, count, name); break;
            case DataType.UInt16 or DataType.Float16 or DataType.BFloat16: CopyTyped(t.Int32Data.Select(v => (ushort)v).ToArray(), buffer, count, name); break;
            case DataType.Int8: CopyTyped(t.Int32Data.Select(v => (sbyte)v).ToArray(), buffer, count, name); break;
            case DataType.UInt8 or DataType.Bool or DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ or DataType.Float8E5M2
                or DataType.Float8E5M2FNUZ or DataType.Float8E8M0:
                CopyTyped(t.Int32Data.Select(v => (byte)v).ToArray(), buffer, count, name); break;
            case DataType.Int4 or DataType.UInt4 or DataType.Float4E2M1:
                // Two 4-bit elements per int32 entry, already packed low nibble first.
                CopyTyped(t.Int32Data.Select(v => (byte)v).ToArray(), buffer, (count + 1) / 2, name); break;
            case DataType.Int2 or DataType.UInt2:
                CopyTyped(t.Int32Data.Select(v => (byte)v).ToArray(), buffer, (count + 3) / 4, name); break;
            default: throw new EdgeMLException($"{name}: data type {DataTypeInfo.Name(type)} cannot be read");
        }
        return new ConstantTensor(type, dims, buffer);
    }

    private static bool NoTypedData(TensorProto t) => t.FloatData.Count == 0 && t.DoubleData.Count == 0 && t.Int32Data.Count == 0
        && t.Int64Data.Count == 0 && t.Uint64Data.Count == 0;

    private static void CopyTyped<T>(T[] values, byte[] buffer, long expected, string name) where T : unmanaged
    {
        if (values.Length != expected) throw new EdgeMLException($"{name} has {values.Length} values for {expected} expected");
        MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(buffer);
    }

    private static byte[] ReadExternal(TensorProto t, string? baseDirectory, long bytes, string name)
    {
        string? location = null;
        long offset = 0, length = -1;
        foreach (var kv in t.ExternalData)
        {
            switch (kv.Key)
            {
                case "location": location = kv.Value; break;
                case "offset": offset = long.Parse(kv.Value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "length": length = long.Parse(kv.Value, System.Globalization.CultureInfo.InvariantCulture); break;
            }
        }
        if (location == null) throw new EdgeMLException($"{name} is stored externally but names no location");
        if (baseDirectory == null) throw new EdgeMLException($"{name} is stored in external file '{location}', but the model was not loaded from a file");
        string path = Path.GetFullPath(Path.Combine(baseDirectory, location));
        if (!File.Exists(path)) throw new EdgeMLException($"{name}: external data file not found: {path}");
        if (length < 0) length = bytes;
        if (length != bytes) throw new EdgeMLException($"{name}: external data has {length} bytes for {bytes} expected");
        using var f = File.OpenRead(path);
        if (offset < 0 || offset + length > f.Length) throw new EdgeMLException($"{name}: external data range {offset}+{length} lies outside {path}");
        f.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[length];
        f.ReadExactly(buffer);
        return buffer;
    }
}

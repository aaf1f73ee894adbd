namespace EdgeML.Runtime.Tensors;

/// <summary>Sizes and names of element types. Sub-byte types (4- and 2-bit) are stored packed,
/// low bits first, as ONNX stores them.</summary>
public static class DataTypeInfo
{
    public static bool IsValid(DataType t) => t is > DataType.Undefined and <= DataType.Int2;

    /// <summary>Bits per element; 0 for strings, which do not live in byte buffers.</summary>
    public static int BitsPerElement(DataType t) => t switch
    {
        DataType.Float or DataType.Int32 or DataType.UInt32 => 32,
        DataType.Double or DataType.Int64 or DataType.UInt64 or DataType.Complex64 => 64,
        DataType.Complex128 => 128,
        DataType.Float16 or DataType.BFloat16 or DataType.Int16 or DataType.UInt16 => 16,
        DataType.UInt8 or DataType.Int8 or DataType.Bool or DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ
            or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ or DataType.Float8E8M0 => 8,
        DataType.UInt4 or DataType.Int4 or DataType.Float4E2M1 => 4,
        DataType.UInt2 or DataType.Int2 => 2,
        _ => 0,
    };

    /// <summary>Bytes taken by <paramref name="count"/> elements (rounded up for packed types).</summary>
    public static long ByteSize(DataType t, long count)
    {
        int bits = BitsPerElement(t);
        return bits >= 8 ? count * (bits / 8) : (count * bits + 7) / 8;
    }

    public static bool IsFloat(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ
        or DataType.Float4E2M1 or DataType.Float8E8M0;

    public static bool IsSignedInteger(DataType t) => t is DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64 or DataType.Int4 or DataType.Int2;

    public static bool IsUnsignedInteger(DataType t) => t is DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.UInt4 or DataType.UInt2;

    public static string Name(DataType t) => t switch
    {
        DataType.Float => "float32",
        DataType.Double => "float64",
        DataType.Float16 => "float16",
        DataType.BFloat16 => "bfloat16",
        DataType.Int8 => "int8",
        DataType.Int16 => "int16",
        DataType.Int32 => "int32",
        DataType.Int64 => "int64",
        DataType.UInt8 => "uint8",
        DataType.UInt16 => "uint16",
        DataType.UInt32 => "uint32",
        DataType.UInt64 => "uint64",
        DataType.Bool => "bool",
        DataType.String => "string",
        _ => t.ToString().ToLowerInvariant(),
    };
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Writing a number into a tensor of any numeric type (slow; for reference kernels that
/// compute in double and for scalars). Integers are rounded toward zero and saturated as a cast would;
/// floating-point types round to nearest.</summary>
public static class Numbers
{
    public static void Set(Tensor t, long index, double v)
    {
        int i = (int)index;
        switch (t.Type)
        {
            case DataType.Float: t.Span<float>()[i] = (float)v; break;
            case DataType.Double: t.Span<double>()[i] = v; break;
            case DataType.Float16: t.Span<Half>()[i] = (Half)v; break;
            case DataType.BFloat16: t.Span<ushort>()[i] = BFloat16.FromSingle((float)v); break;
            case DataType.Int8: t.Span<sbyte>()[i] = (sbyte)Math.Clamp(Math.Truncate(v), sbyte.MinValue, sbyte.MaxValue); break;
            case DataType.Int16: t.Span<short>()[i] = (short)Math.Clamp(Math.Truncate(v), short.MinValue, short.MaxValue); break;
            case DataType.Int32: t.Span<int>()[i] = (int)Math.Clamp(Math.Truncate(v), int.MinValue, int.MaxValue); break;
            case DataType.Int64: t.Span<long>()[i] = (long)v; break;
            case DataType.UInt8: t.Span<byte>()[i] = (byte)Math.Clamp(Math.Truncate(v), 0, byte.MaxValue); break;
            case DataType.UInt16: t.Span<ushort>()[i] = (ushort)Math.Clamp(Math.Truncate(v), 0, ushort.MaxValue); break;
            case DataType.UInt32: t.Span<uint>()[i] = (uint)Math.Clamp(Math.Truncate(v), 0, uint.MaxValue); break;
            case DataType.UInt64: t.Span<ulong>()[i] = (ulong)Math.Max(v, 0); break;
            case DataType.Bool: t.Span<byte>()[i] = v != 0 ? (byte)1 : (byte)0; break;
            default: throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} cannot hold a number here");
        }
    }

    /// <summary>Element <paramref name="index"/> of any numeric or bool tensor as a double.</summary>
    public static double Get(Tensor t, long index) => KernelHelpers.GetDouble(t, (int)index);

    /// <summary>True for the types <see cref="Set"/> and <see cref="Get"/> handle.</summary>
    public static bool IsNumeric(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64
        or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.Bool;
}

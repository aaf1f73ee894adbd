using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Small checks and conversions many kernels need. None allocates.</summary>
public static class KernelHelpers
{
    /// <summary>Maps a possibly negative axis into [0, rank); throws naming the axis when out of range.</summary>
    public static int NormalizeAxis(long axis, int rank, string what = "axis")
    {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.Max(rank, 1)) throw new EdgeMLException($"{what} {axis} is out of range for rank {rank}");
        return (int)a;
    }

    /// <summary>Copies an int32 or int64 tensor's values into <paramref name="destination"/> and
    /// returns how many there were (shapes, axes, indices given as inputs).</summary>
    public static int ReadInt64s(Tensor t, Span<long> destination)
    {
        int n = (int)t.Length;
        if (n > destination.Length) throw new EdgeMLException($"'{t.Name}' has {n} values; at most {destination.Length} are supported here");
        switch (t.Type)
        {
            case DataType.Int64: t.ReadOnlySpan<long>().CopyTo(destination); break;
            case DataType.Int32:
                var s = t.ReadOnlySpan<int>();
                for (int i = 0; i < n; i++) destination[i] = s[i];
                break;
            default: throw new EdgeMLException($"'{t.Name}' must be int32 or int64, not {DataTypeInfo.Name(t.Type)}");
        }
        return n;
    }

    /// <summary>A scalar (or one-element tensor) as a long.</summary>
    public static long ReadInt64Scalar(Tensor t)
    {
        if (t.Length != 1) throw new EdgeMLException($"'{t.Name}' must hold one value, not {t.Length}");
        return t.Type switch
        {
            DataType.Int64 => t.ReadOnlySpan<long>()[0],
            DataType.Int32 => t.ReadOnlySpan<int>()[0],
            _ => throw new EdgeMLException($"'{t.Name}' must be int32 or int64, not {DataTypeInfo.Name(t.Type)}"),
        };
    }

    /// <summary>Element i of any numeric tensor as a double (slow; for reference kernels and scalars).</summary>
    public static double GetDouble(Tensor t, int i) => t.Type switch
    {
        DataType.Float => t.ReadOnlySpan<float>()[i],
        DataType.Double => t.ReadOnlySpan<double>()[i],
        DataType.Float16 => (double)t.ReadOnlySpan<Half>()[i],
        DataType.BFloat16 => BFloat16.ToSingle(t.ReadOnlySpan<ushort>()[i]),
        DataType.Int8 => t.ReadOnlySpan<sbyte>()[i],
        DataType.Int16 => t.ReadOnlySpan<short>()[i],
        DataType.Int32 => t.ReadOnlySpan<int>()[i],
        DataType.Int64 => t.ReadOnlySpan<long>()[i],
        DataType.UInt8 => t.ReadOnlySpan<byte>()[i],
        DataType.UInt16 => t.ReadOnlySpan<ushort>()[i],
        DataType.UInt32 => t.ReadOnlySpan<uint>()[i],
        DataType.UInt64 => t.ReadOnlySpan<ulong>()[i],
        DataType.Bool => t.ReadOnlySpan<byte>()[i] != 0 ? 1 : 0,
        _ => throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} cannot be read as a number"),
    };

    /// <summary>Product of dimensions [from, to).</summary>
    public static long Product(ReadOnlySpan<long> shape, int from, int to)
    {
        long p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }
}

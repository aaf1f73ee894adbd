using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Helpers of the signal-processing kernels (DFT, STFT, the windows, MelWeightMatrix):
/// writing a double as any numeric element type, and the generalised cosine windows.</summary>
public static class SignalMath
{
    /// <summary>Whether <see cref="WriteNumber"/> can write <paramref name="t"/>.</summary>
    public static bool IsWritableNumber(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64 or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64;

    /// <summary>Writes <paramref name="value"/> as element i of <paramref name="t"/>: rounded for
    /// floating types, truncated towards zero for integers (like numpy's astype).</summary>
    public static void WriteNumber(Tensor t, int i, double value)
    {
        switch (t.Type)
        {
            case DataType.Float: t.Span<float>()[i] = (float)value; break;
            case DataType.Double: t.Span<double>()[i] = value; break;
            case DataType.Float16: t.Span<Half>()[i] = (Half)value; break;
            case DataType.BFloat16: t.Span<ushort>()[i] = BFloat16.FromSingle((float)value); break;
            case DataType.Int8: t.Span<sbyte>()[i] = (sbyte)value; break;
            case DataType.Int16: t.Span<short>()[i] = (short)value; break;
            case DataType.Int32: t.Span<int>()[i] = (int)value; break;
            case DataType.Int64: t.Span<long>()[i] = (long)value; break;
            case DataType.UInt8: t.Span<byte>()[i] = (byte)value; break;
            case DataType.UInt16: t.Span<ushort>()[i] = (ushort)value; break;
            case DataType.UInt32: t.Span<uint>()[i] = (uint)value; break;
            case DataType.UInt64: t.Span<ulong>()[i] = (ulong)value; break;
            default: throw new EdgeMLException($"'{t.Name}': cannot write {DataTypeInfo.Name(t.Type)} as a number");
        }
    }

    /// <summary>
    /// Fills <paramref name="output"/> (already sized [size]) with the window
    /// w[n] = a0 - a1 cos(2 pi n / N) + a2 cos(4 pi n / N), N = size when periodic, size - 1 when
    /// symmetric (a symmetric window of size 1 is [1]).
    /// </summary>
    public static void CosineWindow(Tensor output, long size, bool periodic, double a0, double a1, double a2)
    {
        long denominator = periodic ? size : size - 1;
        for (int n = 0; n < size; n++)
        {
            double value = denominator == 0 ? 1.0
                : a0 - a1 * Math.Cos(2 * Math.PI * n / denominator) + a2 * Math.Cos(4 * Math.PI * n / denominator);
            WriteNumber(output, n, value);
        }
    }
}

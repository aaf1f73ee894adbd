using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// Element conversions the quantisation kernels need: the 8-bit floats (E4M3FN, E4M3FNUZ, E5M2,
/// E5M2FNUZ, E8M0), the 4-bit float E2M1, the packed 4- and 2-bit integers, and reading or
/// writing any of the quantised or full-precision types as float32. Rounding is to nearest, ties
/// to even, as ONNX defines it. None of these allocates.
/// </summary>
/// <remarks>The Cast kernels (group "elementwise") may bring a shared ElementConversion helper;
/// these routines can then be unified with it.</remarks>
public static class QuantizationMath
{
    /// <summary>Whether <paramref name="t"/> is one of the four 8-bit float types with a sign.</summary>
    public static bool IsFloat8(DataType t) => t is DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ;

    /// <summary>Whether <paramref name="t"/> is stored packed, several elements per byte.</summary>
    public static bool IsPacked(DataType t) => DataTypeInfo.BitsPerElement(t) is > 0 and < 8;

    /// <summary>The inclusive integer range of an integer quantisation type.</summary>
    public static bool TryGetIntegerRange(DataType t, out int min, out int max)
    {
        (min, max) = t switch
        {
            DataType.UInt8 => (0, 255),
            DataType.Int8 => (-128, 127),
            DataType.UInt16 => (0, 65535),
            DataType.Int16 => (-32768, 32767),
            DataType.UInt4 => (0, 15),
            DataType.Int4 => (-8, 7),
            DataType.UInt2 => (0, 3),
            DataType.Int2 => (-2, 1),
            _ => (0, -1),
        };
        return max >= min;
    }

    /// <summary>Rounds to the nearest integer, ties to even, then clamps to [min, max]. NaN gives 0 clamped.</summary>
    public static int RoundAndSaturate(double value, double zeroPoint, int min, int max)
    {
        if (double.IsNaN(value)) return Math.Clamp((int)zeroPoint, min, max);
        double r = Math.Round(value, MidpointRounding.ToEven) + zeroPoint;
        if (r <= min) return min;
        if (r >= max) return max;
        return (int)r;
    }

    /// <summary>Rounds to the nearest integer, ties to even, and clamps to [min, max] (NaN gives min).</summary>
    public static int RoundAndSaturate(double value, int min, int max)
    {
        if (double.IsNaN(value)) return min;
        double r = Math.Round(value, MidpointRounding.ToEven);
        if (r <= min) return min;
        if (r >= max) return max;
        return (int)r;
    }

    // ---- 8-bit floats -------------------------------------------------------------------------

    private readonly record struct Float8Format(int ExponentBits, int MantissaBits, int Bias, bool Fnuz, bool HasInfinity, byte MaxCode);

    private static Float8Format Format(DataType t) => t switch
    {
        DataType.Float8E4M3FN => new(4, 3, 7, false, false, 0x7E),
        DataType.Float8E4M3FNUZ => new(4, 3, 8, true, false, 0x7F),
        DataType.Float8E5M2 => new(5, 2, 15, false, true, 0x7B),
        DataType.Float8E5M2FNUZ => new(5, 2, 16, true, false, 0x7F),
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "not an 8-bit float type"),
    };

    /// <summary>Decodes an 8-bit float (E4M3FN, E4M3FNUZ, E5M2 or E5M2FNUZ).</summary>
    public static float Float8ToSingle(byte bits, DataType type)
    {
        var f = Format(type);
        bool negative = (bits & 0x80) != 0;
        int exponent = (bits >> f.MantissaBits) & ((1 << f.ExponentBits) - 1);
        int mantissa = bits & ((1 << f.MantissaBits) - 1);
        if (f.Fnuz)
        {
            if (bits == 0x80) return float.NaN;
        }
        else if (f.HasInfinity)
        {
            if (exponent == (1 << f.ExponentBits) - 1)
                return mantissa == 0 ? (negative ? float.NegativeInfinity : float.PositiveInfinity) : float.NaN;
        }
        else if ((bits & 0x7F) == 0x7F)
        {
            return float.NaN;
        }
        double magnitude = exponent == 0
            ? mantissa * Math.ScaleB(1.0, 1 - f.Bias - f.MantissaBits)
            : (1.0 + mantissa / (double)(1 << f.MantissaBits)) * Math.ScaleB(1.0, exponent - f.Bias);
        return (float)(negative ? -magnitude : magnitude);
    }

    /// <summary>Encodes <paramref name="value"/> as an 8-bit float, rounding to nearest even. With
    /// <paramref name="saturate"/>, out-of-range values (and infinities) become the largest finite
    /// value; without it they become infinity (E5M2) or NaN (the other types), as ONNX's Cast tables say.</summary>
    public static byte SingleToFloat8(float value, DataType type, bool saturate)
    {
        var f = Format(type);
        byte sign = (byte)(BitConverter.SingleToUInt32Bits(value) >> 31 << 7);
        byte nan = f.Fnuz ? (byte)0x80 : (byte)(0x7F | sign);
        if (float.IsNaN(value)) return nan;
        if (float.IsInfinity(value))
        {
            if (saturate) return (byte)(sign | f.MaxCode);
            return f.HasInfinity ? (byte)(sign | 0x7C) : nan;
        }
        double a = Math.Abs((double)value);
        int minExponent = 1 - f.Bias;
        int code;
        if (a < Math.ScaleB(1.0, minExponent))
        {
            // Subnormal range: a multiple of the smallest subnormal; rounding up to 2^m lands on
            // the smallest normal, whose bit pattern is the same integer.
            code = (int)Math.Round(Math.ScaleB(a, f.MantissaBits - minExponent), MidpointRounding.ToEven);
        }
        else
        {
            int e = Math.ILogB(a);
            double fraction = Math.ScaleB(a, -e) - 1.0;
            long m = (long)Math.Round(Math.ScaleB(fraction, f.MantissaBits), MidpointRounding.ToEven);
            if (m == 1L << f.MantissaBits)
            {
                m = 0;
                e++;
            }
            long biased = (long)e + f.Bias;
            long full = (biased << f.MantissaBits) | m;
            code = full > f.MaxCode ? f.MaxCode + 1 : (int)full;
        }
        if (code > f.MaxCode)
        {
            if (saturate) return (byte)(sign | f.MaxCode);
            return f.HasInfinity ? (byte)(sign | 0x7C) : nan;
        }
        if (code == 0 && f.Fnuz) return 0; // no negative zero
        return (byte)(sign | code);
    }

    /// <summary>Decodes a float8e8m0 (a power of two, 2^(bits-127); 0xFF is NaN).</summary>
    public static float Float8E8M0ToSingle(byte bits) => bits == 0xFF ? float.NaN : (float)Math.ScaleB(1.0, bits - 127);

    // ---- 4-bit float E2M1 ---------------------------------------------------------------------

    /// <summary>Decodes a float4e2m1 code (the low 4 bits of <paramref name="code"/>).</summary>
    public static float Float4E2M1ToSingle(int code)
    {
        int e = (code >> 1) & 3;
        int m = code & 1;
        float magnitude = e == 0 ? m * 0.5f : (1f + m * 0.5f) * (1 << (e - 1));
        return (code & 8) != 0 ? -magnitude : magnitude;
    }

    /// <summary>Encodes <paramref name="value"/> as float4e2m1, rounding to nearest even and
    /// saturating to ±6 (the type has no infinity or NaN; NaN becomes +6).</summary>
    public static int SingleToFloat4E2M1(float value)
    {
        if (float.IsNaN(value)) return 0x7;
        int sign = value < 0 || (value == 0 && float.IsNegative(value)) ? 8 : 0;
        double a = Math.Abs((double)value);
        int code;
        if (a < 1.0)
        {
            code = (int)Math.Round(a * 2.0, MidpointRounding.ToEven); // 0, 0.5, 1.0 -> codes 0..2
        }
        else if (a >= 6.0)
        {
            code = 7;
        }
        else
        {
            int e = Math.ILogB(a); // 0, 1 or 2
            long m = (long)Math.Round((Math.ScaleB(a, -e) - 1.0) * 2.0, MidpointRounding.ToEven);
            if (m == 2)
            {
                m = 0;
                e++;
            }
            code = Math.Min(7, ((e + 1) << 1) | (int)m);
        }
        return sign | code;
    }

    // ---- packed 4- and 2-bit elements ---------------------------------------------------------

    /// <summary>The raw code of element <paramref name="index"/> of a packed tensor (low bits first).</summary>
    public static int GetPackedCode(ReadOnlySpan<byte> data, int bits, int index)
    {
        int perByte = 8 / bits;
        int shift = (index % perByte) * bits;
        return (data[index / perByte] >> shift) & ((1 << bits) - 1);
    }

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="code"/> as element <paramref name="index"/>.</summary>
    public static void SetPackedCode(Span<byte> data, int bits, int index, int code)
    {
        int perByte = 8 / bits;
        int shift = (index % perByte) * bits;
        int mask = ((1 << bits) - 1) << shift;
        ref byte b = ref data[index / perByte];
        b = (byte)((b & ~mask) | ((code << shift) & mask));
    }

    /// <summary>Sign-extends a <paramref name="bits"/>-bit two's-complement code.</summary>
    public static int SignExtend(int code, int bits) => (code << (32 - bits)) >> (32 - bits);

    // ---- whole tensors as float32 -------------------------------------------------------------

    /// <summary>Whether <see cref="ReadSingles"/> can read <paramref name="t"/>.</summary>
    public static bool CanReadAsSingle(DataType t) => t is DataType.Float or DataType.Float16 or DataType.BFloat16 or DataType.Double
        or DataType.Int8 or DataType.UInt8 or DataType.Int16 or DataType.UInt16 or DataType.Int32
        or DataType.Int4 or DataType.UInt4 or DataType.Int2 or DataType.UInt2 or DataType.Float4E2M1 or DataType.Float8E8M0
        || IsFloat8(t);

    /// <summary>Element i of <paramref name="t"/> as float32, whatever its (numeric) type.</summary>
    public static float ReadSingle(Tensor t, int i) => t.Type switch
    {
        DataType.Float => t.ReadOnlySpan<float>()[i],
        DataType.Double => (float)t.ReadOnlySpan<double>()[i],
        DataType.Float16 => (float)t.ReadOnlySpan<Half>()[i],
        DataType.BFloat16 => BFloat16.ToSingle(t.ReadOnlySpan<ushort>()[i]),
        DataType.Int8 => t.ReadOnlySpan<sbyte>()[i],
        DataType.UInt8 => t.ReadOnlySpan<byte>()[i],
        DataType.Int16 => t.ReadOnlySpan<short>()[i],
        DataType.UInt16 => t.ReadOnlySpan<ushort>()[i],
        DataType.Int32 => t.ReadOnlySpan<int>()[i],
        DataType.Int4 => SignExtend(GetPackedCode(t.Bytes, 4, i), 4),
        DataType.UInt4 => GetPackedCode(t.Bytes, 4, i),
        DataType.Int2 => SignExtend(GetPackedCode(t.Bytes, 2, i), 2),
        DataType.UInt2 => GetPackedCode(t.Bytes, 2, i),
        DataType.Float4E2M1 => Float4E2M1ToSingle(GetPackedCode(t.Bytes, 4, i)),
        DataType.Float8E8M0 => Float8E8M0ToSingle(t.ReadOnlySpan<byte>()[i]),
        DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ => Float8ToSingle(t.ReadOnlySpan<byte>()[i], t.Type),
        _ => throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} cannot be read as a number here"),
    };

    /// <summary>Writes every element of <paramref name="t"/> into <paramref name="destination"/> as float32.</summary>
    public static void ReadSingles(Tensor t, Span<float> destination)
    {
        int n = (int)t.Length;
        switch (t.Type)
        {
            case DataType.Float: t.ReadOnlySpan<float>().CopyTo(destination); return;
            case DataType.Float16:
                var h = t.ReadOnlySpan<Half>();
                for (int i = 0; i < n; i++) destination[i] = (float)h[i];
                return;
            case DataType.UInt8:
                var u8 = t.ReadOnlySpan<byte>();
                for (int i = 0; i < n; i++) destination[i] = u8[i];
                return;
            case DataType.Int8:
                var s8 = t.ReadOnlySpan<sbyte>();
                for (int i = 0; i < n; i++) destination[i] = s8[i];
                return;
            default:
                for (int i = 0; i < n; i++) destination[i] = ReadSingle(t, i);
                return;
        }
    }

    /// <summary>Rounds a float32 to the precision of <paramref name="type"/> (float16, bfloat16 or float32).</summary>
    public static float RoundToPrecision(float value, DataType type) => type switch
    {
        DataType.Float16 => (float)(Half)value,
        DataType.BFloat16 => BFloat16.ToSingle(BFloat16.FromSingle(value)),
        _ => value,
    };

    /// <summary>Writes <paramref name="value"/> as element i of a float, float16 or bfloat16 tensor.</summary>
    public static void WriteFloat(Tensor t, int i, float value)
    {
        switch (t.Type)
        {
            case DataType.Float: t.Span<float>()[i] = value; break;
            case DataType.Float16: t.Span<Half>()[i] = (Half)value; break;
            case DataType.BFloat16: t.Span<ushort>()[i] = BFloat16.FromSingle(value); break;
            case DataType.Double: t.Span<double>()[i] = value; break;
            default: throw new EdgeMLException($"'{t.Name}': cannot write {DataTypeInfo.Name(t.Type)} as a float");
        }
    }
}

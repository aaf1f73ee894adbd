using System.Runtime.CompilerServices;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>How a value is rounded to float8e8m0 (a power of two): Cast's <c>round_mode</c>.</summary>
public enum E8M0Rounding : byte
{
    /// <summary>To the next power of two away from zero unless exact (the default).</summary>
    Up = 0,
    /// <summary>To the power of two towards zero.</summary>
    Down = 1,
    /// <summary>To the nearer power of two; from 1.5 * 2^e up, ties included, to 2^(e+1).</summary>
    Nearest = 2,
}

/// <summary>
/// Conversions between float32 and the small element types .NET has no type for: the float8 types
/// (E4M3FN, E4M3FNUZ, E5M2, E5M2FNUZ, E8M0), float4e2m1 and the packed 4- and 2-bit integers.
/// float16 is <see cref="Half"/> and bfloat16 is <see cref="BFloat16"/>. Conversions to the float8
/// and float4 types round to nearest even, then handle overflow as ONNX's Cast describes (saturate
/// to the largest finite value, or infinity / NaN when not saturating). All are exact on the way to
/// float32: every value of these types is a float32.
/// </summary>
public static class ElementConversion
{
    public const float Float8E4M3FNMax = 448f;
    public const float Float8E4M3FNUZMax = 240f;
    public const float Float8E5M2Max = 57344f;
    public const float Float8E5M2FNUZMax = 57344f;
    public const float Float4E2M1Max = 6f;

    // ---- float8e4m3fn: bias 7, no infinity, NaN = S.1111.111, has -0.

    public static float Float8E4M3FNToSingle(byte b)
    {
        if ((b & 0x7F) == 0x7F) return float.NaN;
        return DecodeMinifloat(b, exponentBits: 4, mantissaBits: 3, bias: 7);
    }

    public static byte SingleToFloat8E4M3FN(float x, bool saturate = true)
    {
        int sign = float.IsNegative(x) ? 0x80 : 0;
        if (float.IsNaN(x)) return (byte)(sign | 0x7F);
        if (float.IsInfinity(x)) return (byte)(saturate ? sign | 0x7E : sign | 0x7F);
        double r = RoundToMinifloat(Math.Abs((double)x), mantissaBits: 3, bias: 7);
        if (r > Float8E4M3FNMax) return (byte)(saturate ? sign | 0x7E : sign | 0x7F);
        return (byte)(sign | EncodeMagnitude(r, mantissaBits: 3, bias: 7));
    }

    // ---- float8e4m3fnuz: bias 8, no infinity, no -0, NaN = 0x80.

    public static float Float8E4M3FNUZToSingle(byte b)
    {
        if (b == 0x80) return float.NaN;
        return DecodeMinifloat(b, exponentBits: 4, mantissaBits: 3, bias: 8);
    }

    public static byte SingleToFloat8E4M3FNUZ(float x, bool saturate = true)
    {
        int sign = float.IsNegative(x) ? 0x80 : 0;
        if (float.IsNaN(x)) return 0x80;
        if (float.IsInfinity(x)) return (byte)(saturate ? sign | 0x7F : 0x80);
        double r = RoundToMinifloat(Math.Abs((double)x), mantissaBits: 3, bias: 8);
        if (r > Float8E4M3FNUZMax) return (byte)(saturate ? sign | 0x7F : 0x80);
        if (r == 0) return 0; // no negative zero: 0x80 is NaN
        return (byte)(sign | EncodeMagnitude(r, mantissaBits: 3, bias: 8));
    }

    // ---- float8e5m2: bias 15, IEEE-like (infinities, NaNs, -0).

    public static float Float8E5M2ToSingle(byte b)
    {
        if ((b & 0x7C) == 0x7C) return (b & 0x03) == 0 ? ((b & 0x80) != 0 ? float.NegativeInfinity : float.PositiveInfinity) : float.NaN;
        return DecodeMinifloat(b, exponentBits: 5, mantissaBits: 2, bias: 15);
    }

    public static byte SingleToFloat8E5M2(float x, bool saturate = true)
    {
        int sign = float.IsNegative(x) ? 0x80 : 0;
        if (float.IsNaN(x)) return (byte)(sign | 0x7E);
        if (float.IsInfinity(x)) return (byte)(saturate ? sign | 0x7B : sign | 0x7C);
        double r = RoundToMinifloat(Math.Abs((double)x), mantissaBits: 2, bias: 15);
        if (r > Float8E5M2Max) return (byte)(saturate ? sign | 0x7B : sign | 0x7C);
        return (byte)(sign | EncodeMagnitude(r, mantissaBits: 2, bias: 15));
    }

    // ---- float8e5m2fnuz: bias 16, no infinity, no -0, NaN = 0x80.

    public static float Float8E5M2FNUZToSingle(byte b)
    {
        if (b == 0x80) return float.NaN;
        return DecodeMinifloat(b, exponentBits: 5, mantissaBits: 2, bias: 16);
    }

    public static byte SingleToFloat8E5M2FNUZ(float x, bool saturate = true)
    {
        int sign = float.IsNegative(x) ? 0x80 : 0;
        if (float.IsNaN(x)) return 0x80;
        if (float.IsInfinity(x)) return (byte)(saturate ? sign | 0x7F : 0x80);
        double r = RoundToMinifloat(Math.Abs((double)x), mantissaBits: 2, bias: 16);
        if (r > Float8E5M2FNUZMax) return (byte)(saturate ? sign | 0x7F : 0x80);
        if (r == 0) return 0;
        return (byte)(sign | EncodeMagnitude(r, mantissaBits: 2, bias: 16));
    }

    // ---- float8e8m0: an unsigned power of two 2^(b - 127); 0xFF is NaN; no zero.

    public static float Float8E8M0ToSingle(byte b) => b == 0xFF ? float.NaN : (float)Math.ScaleB(1.0, b - 127);

    /// <summary>x as float8e8m0. Zero, values below 2^-127 and above 2^127 become the smallest or
    /// largest value when saturating, NaN otherwise. The sign is ignored (negative input is undefined in ONNX).</summary>
    public static byte SingleToFloat8E8M0(float x, bool saturate = true, E8M0Rounding rounding = E8M0Rounding.Up)
    {
        if (float.IsNaN(x)) return 0xFF;
        if (float.IsInfinity(x)) return saturate ? (byte)0xFE : (byte)0xFF;
        double a = Math.Abs((double)x);
        if (a == 0) return saturate ? (byte)0x00 : (byte)0xFF;
        int e = Math.ILogB(a);
        double power = Math.ScaleB(1.0, e);
        switch (rounding)
        {
            case E8M0Rounding.Up: if (a > power) e++; break;
            case E8M0Rounding.Nearest: if (a >= 1.5 * power) e++; break;
        }
        int biased = e + 127;
        if (biased > 254) return saturate ? (byte)0xFE : (byte)0xFF;
        if (biased < 0) return saturate ? (byte)0x00 : (byte)0xFF;
        return (byte)biased;
    }

    // ---- float4e2m1: one 4-bit value S.EE.M, bias 1: ±{0, 0.5, 1, 1.5, 2, 3, 4, 6}; no infinity or NaN.

    public static float Float4E2M1ToSingle(int nibble) => DecodeMinifloat(nibble & 0xF, exponentBits: 2, mantissaBits: 1, bias: 1, signBit: 3);

    /// <summary>x as a float4e2m1 nibble: rounded to nearest even, saturated to ±6; NaN becomes 0x8
    /// (the ONNX reference's choice, as the type has no NaN).</summary>
    public static int SingleToFloat4E2M1(float x)
    {
        if (float.IsNaN(x)) return 0x8;
        int sign = float.IsNegative(x) ? 0x8 : 0;
        if (float.IsInfinity(x)) return sign | 0x7;
        double r = RoundToMinifloat(Math.Abs((double)x), mantissaBits: 1, bias: 1);
        if (r > Float4E2M1Max) return sign | 0x7;
        return sign | EncodeMagnitude(r, mantissaBits: 1, bias: 1);
    }

    // ---- Packed 4-bit and 2-bit elements, lowest bits first.

    /// <summary>Element <paramref name="i"/> of packed int4 data, sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetInt4(ReadOnlySpan<byte> packed, int i) => ((GetUInt4(packed, i) ^ 0x8) - 0x8);

    /// <summary>Element <paramref name="i"/> of packed uint4 (or float4e2m1) data: the raw nibble.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetUInt4(ReadOnlySpan<byte> packed, int i) => (packed[i >> 1] >> ((i & 1) * 4)) & 0xF;

    /// <summary>Sets element <paramref name="i"/> of packed 4-bit data to the low 4 bits of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetNibble(Span<byte> packed, int i, int value)
    {
        int shift = (i & 1) * 4;
        ref byte b = ref packed[i >> 1];
        b = (byte)((b & ~(0xF << shift)) | ((value & 0xF) << shift));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetInt2(ReadOnlySpan<byte> packed, int i) => ((GetUInt2(packed, i) ^ 0x2) - 0x2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int GetUInt2(ReadOnlySpan<byte> packed, int i) => (packed[i >> 2] >> ((i & 3) * 2)) & 0x3;

    /// <summary>Sets element <paramref name="i"/> of packed 2-bit data to the low 2 bits of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetCrumb(Span<byte> packed, int i, int value)
    {
        int shift = (i & 3) * 2;
        ref byte b = ref packed[i >> 2];
        b = (byte)((b & ~(0x3 << shift)) | ((value & 0x3) << shift));
    }

    // ---- Any float-like element type as float32 and back (one element; for scalars and reference loops).

    /// <summary>True for the element types <see cref="ReadSingle"/> and <see cref="WriteSingle"/> handle.</summary>
    public static bool IsFloatLike(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Float8E4M3FN or DataType.Float8E4M3FNUZ or DataType.Float8E5M2 or DataType.Float8E5M2FNUZ
        or DataType.Float8E8M0 or DataType.Float4E2M1;

    /// <summary>Element <paramref name="i"/> of <paramref name="t"/> (a float-like tensor) as a double.</summary>
    public static double ReadSingle(Tensor t, int i) => t.Type switch
    {
        DataType.Float => t.ReadOnlySpan<float>()[i],
        DataType.Double => t.ReadOnlySpan<double>()[i],
        DataType.Float16 => (double)t.ReadOnlySpan<Half>()[i],
        DataType.BFloat16 => BFloat16.ToSingle(t.ReadOnlySpan<ushort>()[i]),
        DataType.Float8E4M3FN => Float8E4M3FNToSingle(t.ReadOnlySpan<byte>()[i]),
        DataType.Float8E4M3FNUZ => Float8E4M3FNUZToSingle(t.ReadOnlySpan<byte>()[i]),
        DataType.Float8E5M2 => Float8E5M2ToSingle(t.ReadOnlySpan<byte>()[i]),
        DataType.Float8E5M2FNUZ => Float8E5M2FNUZToSingle(t.ReadOnlySpan<byte>()[i]),
        DataType.Float8E8M0 => Float8E8M0ToSingle(t.ReadOnlySpan<byte>()[i]),
        DataType.Float4E2M1 => Float4E2M1ToSingle(GetUInt4(t.ReadOnlySpan<byte>(), i)),
        _ => throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} is not a floating-point type"),
    };

    /// <summary>Stores <paramref name="value"/> as element <paramref name="i"/> of float-like tensor
    /// <paramref name="t"/>, rounding to nearest even and saturating the float8 types.</summary>
    public static void WriteSingle(Tensor t, int i, double value)
    {
        switch (t.Type)
        {
            case DataType.Float: t.Span<float>()[i] = (float)value; break;
            case DataType.Double: t.Span<double>()[i] = value; break;
            case DataType.Float16: t.Span<Half>()[i] = (Half)value; break;
            case DataType.BFloat16: t.Span<ushort>()[i] = BFloat16.FromSingle((float)value); break;
            case DataType.Float8E4M3FN: t.Span<byte>()[i] = SingleToFloat8E4M3FN((float)value); break;
            case DataType.Float8E4M3FNUZ: t.Span<byte>()[i] = SingleToFloat8E4M3FNUZ((float)value); break;
            case DataType.Float8E5M2: t.Span<byte>()[i] = SingleToFloat8E5M2((float)value); break;
            case DataType.Float8E5M2FNUZ: t.Span<byte>()[i] = SingleToFloat8E5M2FNUZ((float)value); break;
            case DataType.Float8E8M0: t.Span<byte>()[i] = SingleToFloat8E8M0((float)value); break;
            case DataType.Float4E2M1: SetNibble(t.Span<byte>(), i, SingleToFloat4E2M1((float)value)); break;
            default: throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} is not a floating-point type");
        }
    }

    // ---- The common core of the small float formats.

    /// <summary>Decodes sign / exponent / mantissa fields (no special values; callers check NaN and infinity first).</summary>
    private static float DecodeMinifloat(int bits, int exponentBits, int mantissaBits, int bias, int signBit = 7)
    {
        int mantissa = bits & ((1 << mantissaBits) - 1);
        int exponent = (bits >> mantissaBits) & ((1 << exponentBits) - 1);
        double magnitude = exponent == 0
            ? Math.ScaleB(mantissa, 1 - bias - mantissaBits)
            : Math.ScaleB(mantissa + (1 << mantissaBits), exponent - bias - mantissaBits);
        return (float)(((bits >> signBit) & 1) != 0 ? -magnitude : magnitude);
    }

    /// <summary>Rounds a non-negative finite value to the nearest value (ties to even) of a format with
    /// <paramref name="mantissaBits"/> stored mantissa bits, exponent bias <paramref name="bias"/> and
    /// subnormals, ignoring the format's largest exponent (callers compare the result to their maximum).
    /// Exact in double: the quotient by a power of two and its rounding lose nothing.</summary>
    private static double RoundToMinifloat(double a, int mantissaBits, int bias)
    {
        int minExponent = 1 - bias;
        int e = a == 0 ? minExponent : Math.Max(Math.ILogB(a), minExponent);
        int quantumExponent = e - mantissaBits;
        return Math.ScaleB(Math.Round(Math.ScaleB(a, -quantumExponent), MidpointRounding.ToEven), quantumExponent);
    }

    /// <summary>The exponent and mantissa fields of a value returned by <see cref="RoundToMinifloat"/>.</summary>
    private static int EncodeMagnitude(double r, int mantissaBits, int bias)
    {
        if (r == 0) return 0;
        int minExponent = 1 - bias;
        int e = Math.ILogB(r);
        if (e < minExponent) return (int)Math.ScaleB(r, mantissaBits - minExponent); // subnormal: exponent field 0
        int mantissa = (int)Math.ScaleB(r, mantissaBits - e) - (1 << mantissaBits);
        return ((e + bias) << mantissaBits) | mantissa;
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// What the quantisation kernels need on top of <see cref="ElementConversion"/> (which holds the
/// float8, float4 and packed 4-/2-bit conversions shared with Cast): the integer ranges of the
/// quantised types, rounding half to even with saturation, float8 conversion chosen by type, and
/// reading or writing whole tensors of any of these types as float32. None of these allocates.
/// </summary>
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

    // ---- small float and packed types: the shared ElementConversion, dispatched by type ----------

    /// <summary>Decodes an 8-bit float (E4M3FN, E4M3FNUZ, E5M2 or E5M2FNUZ).</summary>
    public static float Float8ToSingle(byte bits, DataType type) => type switch
    {
        DataType.Float8E4M3FN => ElementConversion.Float8E4M3FNToSingle(bits),
        DataType.Float8E4M3FNUZ => ElementConversion.Float8E4M3FNUZToSingle(bits),
        DataType.Float8E5M2 => ElementConversion.Float8E5M2ToSingle(bits),
        DataType.Float8E5M2FNUZ => ElementConversion.Float8E5M2FNUZToSingle(bits),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an 8-bit float type"),
    };

    /// <summary>Encodes <paramref name="value"/> as an 8-bit float, rounding to nearest even, with
    /// ONNX's saturation rules (see <see cref="ElementConversion"/>).</summary>
    public static byte SingleToFloat8(float value, DataType type, bool saturate) => type switch
    {
        DataType.Float8E4M3FN => ElementConversion.SingleToFloat8E4M3FN(value, saturate),
        DataType.Float8E4M3FNUZ => ElementConversion.SingleToFloat8E4M3FNUZ(value, saturate),
        DataType.Float8E5M2 => ElementConversion.SingleToFloat8E5M2(value, saturate),
        DataType.Float8E5M2FNUZ => ElementConversion.SingleToFloat8E5M2FNUZ(value, saturate),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an 8-bit float type"),
    };

    /// <summary>The raw code of element <paramref name="index"/> of packed 4- or 2-bit data (low bits first).</summary>
    public static int GetPackedCode(ReadOnlySpan<byte> data, int bits, int index)
        => bits == 4 ? ElementConversion.GetUInt4(data, index) : ElementConversion.GetUInt2(data, index);

    /// <summary>Writes the low <paramref name="bits"/> bits of <paramref name="code"/> as element <paramref name="index"/>.</summary>
    public static void SetPackedCode(Span<byte> data, int bits, int index, int code)
    {
        if (bits == 4) ElementConversion.SetNibble(data, index, code);
        else ElementConversion.SetCrumb(data, index, code);
    }

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
        DataType.Int4 => ElementConversion.GetInt4(t.Bytes, i),
        DataType.UInt4 => ElementConversion.GetUInt4(t.Bytes, i),
        DataType.Int2 => ElementConversion.GetInt2(t.Bytes, i),
        DataType.UInt2 => ElementConversion.GetUInt2(t.Bytes, i),
        DataType.Float4E2M1 => ElementConversion.Float4E2M1ToSingle(ElementConversion.GetUInt4(t.Bytes, i)),
        DataType.Float8E8M0 => ElementConversion.Float8E8M0ToSingle(t.ReadOnlySpan<byte>()[i]),
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

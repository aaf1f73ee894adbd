using System.Globalization;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// Element-type conversion of whole tensors, as ONNX's Cast defines it (used by Cast and CastLike).
/// Every source element is first widened without loss, integers (and bool, int4, int2) to a long,
/// floating-point types (float16, bfloat16, float8, float4 too) to a double, into a scratch
/// buffer grown once; then narrowed to the target type:
/// floats to integers truncate towards zero, integers wrap (two's complement), anything to bool is
/// "not zero", floats round to nearest even, and the float8 types saturate (or not) as
/// <c>saturate</c> says. (NaN and out-of-range values to integers, undefined in ONNX, give the most
/// negative integer as on x86-64.) Strings parse and format numbers in the invariant culture, with "INF",
/// "-INF" and "NaN" (any case) for the special values; text that is not a number is an error, as
/// in ONNX Runtime. Numeric casts allocate nothing after the first run; casts to string necessarily
/// create their strings.
/// </summary>
public sealed class TensorCaster
{
    private readonly bool _saturate;
    private readonly E8M0Rounding _rounding;
    private double[] _floats = [];
    private long[] _integers = [];

    public TensorCaster(bool saturate, E8M0Rounding rounding)
    {
        _saturate = saturate;
        _rounding = rounding;
    }

    /// <summary>True for every element type Cast converts from and to (all but complex).</summary>
    public static bool IsSupported(DataType t) => DataTypeInfo.IsValid(t) && t is not (DataType.Complex64 or DataType.Complex128);

    /// <summary>Reads Cast's <c>saturate</c> and <c>round_mode</c> attributes.</summary>
    public static TensorCaster FromAttributes(KernelInfo info)
    {
        bool saturate = info.Attributes.GetInt("saturate", 1) != 0;
        var rounding = info.Attributes.GetString("round_mode", "up") switch
        {
            "up" => E8M0Rounding.Up,
            "down" => E8M0Rounding.Down,
            "nearest" => E8M0Rounding.Nearest,
            var s => throw info.Error($"round_mode '{s}' is not one of up, down, nearest"),
        };
        return new TensorCaster(saturate, rounding);
    }

    /// <summary>Sizes <paramref name="y"/> like <paramref name="x"/> with element type <paramref name="to"/> and fills it.</summary>
    public void Cast(Tensor x, Tensor y, DataType to)
    {
        y.Allocate(to, x.Shape);
        int n = (int)x.Length;
        if (x.Type == to)
        {
            if (to == DataType.String) x.Strings.CopyTo(y.Strings);
            else x.Bytes.CopyTo(y.Bytes);
            return;
        }
        if (to == DataType.String)
        {
            FormatStrings(x, y.Strings);
            return;
        }
        if (DataTypeInfo.BitsPerElement(to) < 8) y.Bytes.Clear(); // packed: the padding bits of the last byte stay 0
        if (x.Type == DataType.String)
        {
            if (IsIntegerLike(to))
            {
                var ints = Integers(n);
                for (int i = 0; i < n; i++) ints[i] = ParseInteger(x.Strings[i]);
                WriteIntegers(ints, unsigned64: to == DataType.UInt64, y);
            }
            else
            {
                var floats = Floats(n);
                for (int i = 0; i < n; i++) floats[i] = ParseFloat(x.Strings[i], to == DataType.Float);
                WriteFloats(floats, y);
            }
            return;
        }
        if (IsIntegerLike(x.Type))
        {
            var ints = Integers(n);
            ReadIntegers(x, ints);
            WriteIntegers(ints, unsigned64: x.Type == DataType.UInt64, y);
        }
        else
        {
            var floats = Floats(n);
            ReadFloats(x, floats);
            WriteFloats(floats, y);
        }
    }

    private Span<double> Floats(int n)
    {
        if (_floats.Length < n) _floats = new double[n];
        return _floats.AsSpan(0, n);
    }

    private Span<long> Integers(int n)
    {
        if (_integers.Length < n) _integers = new long[n];
        return _integers.AsSpan(0, n);
    }

    /// <summary>Integers, bool and the packed integer types (read exactly as a long; uint64 as its bits).</summary>
    public static bool IsIntegerLike(DataType t) => t is DataType.Bool || DataTypeInfo.IsSignedInteger(t) || DataTypeInfo.IsUnsignedInteger(t);

    private static void ReadIntegers(Tensor x, Span<long> v)
    {
        int n = v.Length;
        switch (x.Type)
        {
            case DataType.Int8: { var s = x.ReadOnlySpan<sbyte>(); for (int i = 0; i < n; i++) v[i] = s[i]; break; }
            case DataType.Int16: { var s = x.ReadOnlySpan<short>(); for (int i = 0; i < n; i++) v[i] = s[i]; break; }
            case DataType.Int32: { var s = x.ReadOnlySpan<int>(); for (int i = 0; i < n; i++) v[i] = s[i]; break; }
            case DataType.Int64: x.ReadOnlySpan<long>()[..n].CopyTo(v); break;
            case DataType.UInt8: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = s[i]; break; }
            case DataType.UInt16: { var s = x.ReadOnlySpan<ushort>(); for (int i = 0; i < n; i++) v[i] = s[i]; break; }
            case DataType.UInt32: { var s = x.ReadOnlySpan<uint>(); for (int i = 0; i < n; i++) v[i] = s[i]; break; }
            case DataType.UInt64: { var s = x.ReadOnlySpan<ulong>(); for (int i = 0; i < n; i++) v[i] = unchecked((long)s[i]); break; }
            case DataType.Bool: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = s[i] != 0 ? 1 : 0; break; }
            case DataType.Int4: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.GetInt4(s, i); break; }
            case DataType.UInt4: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.GetUInt4(s, i); break; }
            case DataType.Int2: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.GetInt2(s, i); break; }
            case DataType.UInt2: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.GetUInt2(s, i); break; }
            default: throw new EdgeMLException($"Cast: cannot read {DataTypeInfo.Name(x.Type)}");
        }
    }

    private static void ReadFloats(Tensor x, Span<double> v)
    {
        int n = v.Length;
        switch (x.Type)
        {
            case DataType.Float: { var s = x.ReadOnlySpan<float>(); for (int i = 0; i < n; i++) v[i] = s[i]; break; }
            case DataType.Double: x.ReadOnlySpan<double>()[..n].CopyTo(v); break;
            case DataType.Float16: { var s = x.ReadOnlySpan<Half>(); for (int i = 0; i < n; i++) v[i] = (double)s[i]; break; }
            case DataType.BFloat16: { var s = x.ReadOnlySpan<ushort>(); for (int i = 0; i < n; i++) v[i] = BFloat16.ToSingle(s[i]); break; }
            case DataType.Float8E4M3FN: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.Float8E4M3FNToSingle(s[i]); break; }
            case DataType.Float8E4M3FNUZ: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.Float8E4M3FNUZToSingle(s[i]); break; }
            case DataType.Float8E5M2: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.Float8E5M2ToSingle(s[i]); break; }
            case DataType.Float8E5M2FNUZ: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.Float8E5M2FNUZToSingle(s[i]); break; }
            case DataType.Float8E8M0: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.Float8E8M0ToSingle(s[i]); break; }
            case DataType.Float4E2M1: { var s = x.ReadOnlySpan<byte>(); for (int i = 0; i < n; i++) v[i] = ElementConversion.Float4E2M1ToSingle(ElementConversion.GetUInt4(s, i)); break; }
            default: throw new EdgeMLException($"Cast: cannot read {DataTypeInfo.Name(x.Type)}");
        }
    }

    private void WriteIntegers(ReadOnlySpan<long> v, bool unsigned64, Tensor y)
    {
        int n = v.Length;
        switch (y.Type)
        {
            case DataType.Int8: { var d = y.Span<sbyte>(); for (int i = 0; i < n; i++) d[i] = unchecked((sbyte)v[i]); break; }
            case DataType.Int16: { var d = y.Span<short>(); for (int i = 0; i < n; i++) d[i] = unchecked((short)v[i]); break; }
            case DataType.Int32: { var d = y.Span<int>(); for (int i = 0; i < n; i++) d[i] = unchecked((int)v[i]); break; }
            case DataType.Int64: v.CopyTo(y.Span<long>()); break;
            case DataType.UInt8: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = unchecked((byte)v[i]); break; }
            case DataType.UInt16: { var d = y.Span<ushort>(); for (int i = 0; i < n; i++) d[i] = unchecked((ushort)v[i]); break; }
            case DataType.UInt32: { var d = y.Span<uint>(); for (int i = 0; i < n; i++) d[i] = unchecked((uint)v[i]); break; }
            case DataType.UInt64: { var d = y.Span<ulong>(); for (int i = 0; i < n; i++) d[i] = unchecked((ulong)v[i]); break; }
            case DataType.Bool: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = v[i] != 0 ? (byte)1 : (byte)0; break; }
            case DataType.Int4 or DataType.UInt4: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) ElementConversion.SetNibble(d, i, (int)v[i]); break; }
            case DataType.Int2 or DataType.UInt2: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) ElementConversion.SetCrumb(d, i, (int)v[i]); break; }
            case DataType.Double: { var d = y.Span<double>(); for (int i = 0; i < n; i++) d[i] = unsigned64 ? (ulong)v[i] : v[i]; break; }
            case DataType.Float16: { var d = y.Span<Half>(); for (int i = 0; i < n; i++) d[i] = unsigned64 ? (Half)(ulong)v[i] : (Half)v[i]; break; }
            default:
            {
                // float32 straight from the integer (one rounding); the narrower float types from that.
                var floats = Floats(n);
                for (int i = 0; i < n; i++) floats[i] = unsigned64 ? (float)(ulong)v[i] : (float)v[i];
                WriteFloats(floats, y);
                break;
            }
        }
    }

    private void WriteFloats(ReadOnlySpan<double> v, Tensor y)
    {
        int n = v.Length;
        switch (y.Type)
        {
            case DataType.Float: { var d = y.Span<float>(); for (int i = 0; i < n; i++) d[i] = (float)v[i]; break; }
            case DataType.Double: v.CopyTo(y.Span<double>()); break;
            case DataType.Float16: { var d = y.Span<Half>(); for (int i = 0; i < n; i++) d[i] = (Half)v[i]; break; }
            case DataType.BFloat16: { var d = y.Span<ushort>(); for (int i = 0; i < n; i++) d[i] = BFloat16.FromSingle((float)v[i]); break; }
            case DataType.Float8E4M3FN: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = ElementConversion.SingleToFloat8E4M3FN((float)v[i], _saturate); break; }
            case DataType.Float8E4M3FNUZ: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = ElementConversion.SingleToFloat8E4M3FNUZ((float)v[i], _saturate); break; }
            case DataType.Float8E5M2: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = ElementConversion.SingleToFloat8E5M2((float)v[i], _saturate); break; }
            case DataType.Float8E5M2FNUZ: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = ElementConversion.SingleToFloat8E5M2FNUZ((float)v[i], _saturate); break; }
            case DataType.Float8E8M0: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = ElementConversion.SingleToFloat8E8M0((float)v[i], _saturate, _rounding); break; }
            case DataType.Float4E2M1: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) ElementConversion.SetNibble(d, i, ElementConversion.SingleToFloat4E2M1((float)v[i])); break; }
            case DataType.Bool: { var d = y.Span<byte>(); for (int i = 0; i < n; i++) d[i] = v[i] != 0 ? (byte)1 : (byte)0; break; }
            case DataType.UInt64: { var d = y.Span<ulong>(); for (int i = 0; i < n; i++) d[i] = TruncateToUInt64(v[i]); break; }
            case DataType.Int64 or DataType.UInt32:
            {
                var ints = Integers(n);
                for (int i = 0; i < n; i++) ints[i] = TruncateToInt64(v[i]);
                WriteIntegers(ints, unsigned64: false, y);
                break;
            }
            default:
            {
                // The narrower integers go through int32, then wrap to the target width.
                var ints = Integers(n);
                for (int i = 0; i < n; i++) ints[i] = TruncateToInt32(v[i]);
                WriteIntegers(ints, unsigned64: false, y);
                break;
            }
        }
    }

    // Floating point to integer truncates towards zero. NaN and values out of range are undefined in
    // ONNX; here they give what ONNX Runtime and NumPy give on x86-64, the "integer indefinite" (most
    // negative) value of the intermediate conversion: int32 for the types up to 32 bits but uint32,
    // int64 for int64 and uint32.

    private static int TruncateToInt32(double d)
    {
        double t = Math.Truncate(d);
        return t >= int.MinValue && t <= int.MaxValue ? (int)t : int.MinValue;
    }

    private static long TruncateToInt64(double d)
    {
        double t = Math.Truncate(d);
        return t >= -9223372036854775808.0 && t < 9223372036854775808.0 ? (long)t : long.MinValue;
    }

    private static ulong TruncateToUInt64(double d)
        => d >= 9223372036854775808.0 && d < 18446744073709551616.0 ? (ulong)d : unchecked((ulong)TruncateToInt64(d));

    // ---- Strings.

    private static double ParseFloat(string s, bool asSingle)
    {
        var t = s.AsSpan().Trim();
        if (t.Equals("NaN", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        if (t.Equals("INF", StringComparison.OrdinalIgnoreCase) || t.Equals("+INF", StringComparison.OrdinalIgnoreCase)) return double.PositiveInfinity;
        if (t.Equals("-INF", StringComparison.OrdinalIgnoreCase)) return double.NegativeInfinity;
        if (asSingle && float.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out float f)) return f;
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return d;
        throw new EdgeMLException($"Cast: '{s}' is not a number");
    }

    private static long ParseInteger(string s)
    {
        var t = s.AsSpan().Trim();
        if (long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
        if (ulong.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong u)) return unchecked((long)u);
        return TruncateToInt64(ParseFloat(s, asSingle: false));
    }

    /// <summary>Numbers as text: integers in decimal; every floating-point type like C's "%.8g" (as
    /// ONNX Runtime does, float64 included), with "NaN", "INF" and "-INF" for the special values.</summary>
    private void FormatStrings(Tensor x, Span<string> y)
    {
        int n = y.Length;
        if (IsIntegerLike(x.Type))
        {
            var ints = Integers(n);
            ReadIntegers(x, ints);
            bool unsigned64 = x.Type == DataType.UInt64;
            for (int i = 0; i < n; i++) y[i] = unsigned64 ? ((ulong)ints[i]).ToString(CultureInfo.InvariantCulture) : ints[i].ToString(CultureInfo.InvariantCulture);
            return;
        }
        var floats = Floats(n);
        ReadFloats(x, floats);
        for (int i = 0; i < n; i++) y[i] = FormatFloat(floats[i]);
    }

    private static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "INF" : "-INF";
        // .NET's "G" rules match C's "%g" (scientific when the exponent is below -4 or not below the
        // precision); only the exponent letter differs.
        return d.ToString("G8", CultureInfo.InvariantCulture).Replace('E', 'e');
    }
}

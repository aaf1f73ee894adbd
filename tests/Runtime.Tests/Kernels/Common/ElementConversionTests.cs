using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Tests.Kernels.Common;

public class ElementConversionTests
{
    public static TheoryData<string> Formats => new() { "E4M3FN", "E4M3FNUZ", "E5M2", "E5M2FNUZ" };

    private static float Decode(string format, byte b) => format switch
    {
        "E4M3FN" => ElementConversion.Float8E4M3FNToSingle(b),
        "E4M3FNUZ" => ElementConversion.Float8E4M3FNUZToSingle(b),
        "E5M2" => ElementConversion.Float8E5M2ToSingle(b),
        _ => ElementConversion.Float8E5M2FNUZToSingle(b),
    };

    private static byte Encode(string format, float x, bool saturate) => format switch
    {
        "E4M3FN" => ElementConversion.SingleToFloat8E4M3FN(x, saturate),
        "E4M3FNUZ" => ElementConversion.SingleToFloat8E4M3FNUZ(x, saturate),
        "E5M2" => ElementConversion.SingleToFloat8E5M2(x, saturate),
        _ => ElementConversion.SingleToFloat8E5M2FNUZ(x, saturate),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_float8_value_round_trips(string format)
    {
        for (int b = 0; b < 256; b++)
        {
            float v = Decode(format, (byte)b);
            if (float.IsNaN(v)) continue;
            if (!float.IsInfinity(v)) Assert.Equal(b, Encode(format, v, saturate: true)); // saturating maps infinities to the largest value
            Assert.Equal(b, Encode(format, v, saturate: false));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Float8_rounds_to_the_nearest_value_ties_to_even(string format)
    {
        // Every midpoint between neighbouring positive values goes to the one with an even mantissa.
        var values = Enumerable.Range(0, 128).Select(b => Decode(format, (byte)b)).Where(v => !float.IsNaN(v) && !float.IsInfinity(v)).Distinct().OrderBy(v => v).ToArray();
        for (int i = 0; i + 1 < values.Length; i++)
        {
            double mid = (values[i] + (double)values[i + 1]) / 2;
            byte lo = Encode(format, values[i], true), hi = Encode(format, values[i + 1], true);
            byte expected = (lo & 1) == 0 ? lo : hi;
            Assert.Equal(expected, Encode(format, (float)mid, true));
            Assert.Equal(lo, Encode(format, (float)(values[i] + (mid - values[i]) * 0.5), true));
            Assert.Equal(hi, Encode(format, (float)(mid + (values[i + 1] - mid) * 0.5), true));
        }
    }

    [Fact]
    public void Float8_largest_values()
    {
        Assert.Equal(448f, ElementConversion.Float8E4M3FNToSingle(0x7E));
        Assert.Equal(240f, ElementConversion.Float8E4M3FNUZToSingle(0x7F));
        Assert.Equal(57344f, ElementConversion.Float8E5M2ToSingle(0x7B));
        Assert.Equal(57344f, ElementConversion.Float8E5M2FNUZToSingle(0x7F));
        Assert.Equal(float.NegativeInfinity, ElementConversion.Float8E5M2ToSingle(0xFC));
        Assert.Equal(0x7F, ElementConversion.SingleToFloat8E4M3FN(500f, saturate: false)); // NaN
        Assert.Equal(0x00, ElementConversion.SingleToFloat8E4M3FNUZ(-0f)); // no negative zero: 0x80 is NaN
        Assert.Equal(0x80, ElementConversion.SingleToFloat8E4M3FN(-0f));
    }

    [Fact]
    public void Float4_values_round_trip()
    {
        float[] magnitudes = [0, 0.5f, 1, 1.5f, 2, 3, 4, 6];
        for (int nibble = 0; nibble < 16; nibble++)
        {
            float v = ElementConversion.Float4E2M1ToSingle(nibble);
            Assert.Equal(magnitudes[nibble & 7], Math.Abs(v));
            Assert.Equal(nibble, ElementConversion.SingleToFloat4E2M1(v));
        }
        Assert.Equal(0x7, ElementConversion.SingleToFloat4E2M1(100f));
        Assert.Equal(0x2, ElementConversion.SingleToFloat4E2M1(1.25f)); // tie between 1 (even) and 1.5
        Assert.Equal(0x4, ElementConversion.SingleToFloat4E2M1(2.5f)); // tie between 2 (even) and 3
    }

    [Fact]
    public void E8M0_powers_of_two_round_trip_and_rounding_modes_differ()
    {
        for (int b = 0; b < 255; b++)
        {
            float v = ElementConversion.Float8E8M0ToSingle((byte)b);
            if (v == 0) continue; // 2^-127 is a float32 subnormal; still representable
            Assert.Equal(b, ElementConversion.SingleToFloat8E8M0(v));
        }
        Assert.Equal(128, ElementConversion.SingleToFloat8E8M0(1.1f, rounding: E8M0Rounding.Up));
        Assert.Equal(127, ElementConversion.SingleToFloat8E8M0(1.1f, rounding: E8M0Rounding.Down));
        Assert.Equal(127, ElementConversion.SingleToFloat8E8M0(1.4f, rounding: E8M0Rounding.Nearest));
        Assert.Equal(128, ElementConversion.SingleToFloat8E8M0(1.5f, rounding: E8M0Rounding.Nearest));
        Assert.Equal(0xFF, ElementConversion.SingleToFloat8E8M0(0f, saturate: false));
        Assert.Equal(0xFE, ElementConversion.SingleToFloat8E8M0(float.PositiveInfinity));
    }

    [Fact]
    public void Packed_integers_sign_extend_and_keep_neighbours()
    {
        Span<byte> packed = stackalloc byte[2];
        packed.Clear();
        ElementConversion.SetNibble(packed, 0, -3);
        ElementConversion.SetNibble(packed, 1, 7);
        ElementConversion.SetNibble(packed, 2, 8);
        Assert.Equal(-3, ElementConversion.GetInt4(packed, 0));
        Assert.Equal(7, ElementConversion.GetInt4(packed, 1));
        Assert.Equal(-8, ElementConversion.GetInt4(packed, 2));
        Assert.Equal(8, ElementConversion.GetUInt4(packed, 2));
        ElementConversion.SetCrumb(packed, 6, -1);
        Assert.Equal(-1, ElementConversion.GetInt2(packed, 6));
        Assert.Equal(3, ElementConversion.GetUInt2(packed, 6));
        Assert.Equal(-8, ElementConversion.GetInt4(packed, 2)); // crumb 6 is bits 4-5 of byte 1: nibble 3, not nibble 2
        Assert.Equal(3, ElementConversion.GetUInt4(packed, 3));
    }
}

using System.Runtime.CompilerServices;

namespace EdgeML.Runtime.Tensors;

/// <summary>bfloat16: the upper 16 bits of an IEEE float32. .NET has no such type, so EdgeML keeps
/// its own two conversions; rounding to nearest-even as ONNX Runtime does.</summary>
public readonly struct BFloat16
{
    public readonly ushort Bits;

    public BFloat16(ushort bits) => Bits = bits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort FromSingle(float value)
    {
        if (float.IsNaN(value)) return 0x7FC0;
        uint u = BitConverter.SingleToUInt32Bits(value);
        uint rounding = 0x7FFF + ((u >> 16) & 1);
        return (ushort)((u + rounding) >> 16);
    }

    public static explicit operator float(BFloat16 v) => ToSingle(v.Bits);
    public static explicit operator BFloat16(float v) => new(FromSingle(v));
    public override string ToString() => ToSingle(Bits).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

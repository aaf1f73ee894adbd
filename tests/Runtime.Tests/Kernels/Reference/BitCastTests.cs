using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class BitCastTests
{
    // ONNX Runtime has no BitCast (opset 26) yet: the bit patterns are known.
    [Fact]
    public void Float_bits_as_int32()
    {
        var y = ElementwiseTesting.Run(26, "BitCast", [new TestInput(DataType.Float, [2, 2])], DataType.Int32,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [2, 2], 1f, -2f, 0f, float.PositiveInfinity) }, n => n.Attr("to", (long)DataType.Int32));
        Assert.Equal([0x3F800000, unchecked((int)0xC0000000), 0, 0x7F800000], y.ReadOnlySpan<int>().ToArray());
        Assert.Equal([2L, 2L], y.Shape.ToArray());
    }

    [Fact]
    public void Float16_bits_as_uint16()
    {
        var y = ElementwiseTesting.Run(26, "BitCast", [new TestInput(DataType.Float16, [2])], DataType.UInt16,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float16, [2], (Half)1, (Half)(-0.5)) }, n => n.Attr("to", (long)DataType.UInt16));
        Assert.Equal(new ushort[] { 0x3C00, 0xB800 }, y.ReadOnlySpan<ushort>().ToArray());
    }

    [Fact]
    public void Different_widths_are_an_error()
    {
        var e = Assert.Throws<EdgeMLException>(() => ElementwiseTesting.Run(26, "BitCast", [new TestInput(DataType.Float, [1])], DataType.Int64,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [1], 1f) }, n => n.Attr("to", (long)DataType.Int64)));
        Assert.Contains("differ in width", e.Message);
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class BitwiseNotTests
{
    [Theory]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.UInt64)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(18, "BitwiseNot", [new TestInput(type, [3, 5], -1000, 1000)], type);

    [Fact]
    public void Sixteen_bit_values()
    {
        var y = ElementwiseTesting.Run(18, "BitwiseNot", [new TestInput(DataType.UInt16, [3])], DataType.UInt16,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.UInt16, [3], (ushort)0, (ushort)0x00FF, (ushort)0xFFFF) });
        Assert.Equal(new ushort[] { 0xFFFF, 0xFF00, 0 }, y.ReadOnlySpan<ushort>().ToArray());
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class BitShiftTests
{
    [Theory]
    [InlineData(DataType.UInt8, "LEFT")]
    [InlineData(DataType.UInt32, "RIGHT")]
    [InlineData(DataType.UInt64, "LEFT")]
    public void Broadcasting_matches_onnx_runtime(DataType type, string direction)
        => ElementwiseTesting.AssertMatchesOrt(11, "BitShift", [new TestInput(type, [2, 3, 4], 0, 200), new TestInput(type, [4], 0, 7)], type, n => n.Attr("direction", direction));

    [Fact]
    public void Shifting_by_the_width_or_more_gives_zero()
    {
        var inputs = new[] { new TestInput(DataType.UInt32, [4]), new TestInput(DataType.UInt32, [4]) };
        Dictionary<string, Tensor> Values() => new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.UInt32, [4], 1u, 0x80000000u, 5u, 5u),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.UInt32, [4], 31u, 31u, 32u, 40u),
        };
        Assert.Equal([0x80000000u, 0u, 0u, 0u], ElementwiseTesting.Run(11, "BitShift", inputs, DataType.UInt32, Values(), n => n.Attr("direction", "LEFT")).ReadOnlySpan<uint>().ToArray());
        Assert.Equal([0u, 1u, 0u, 0u], ElementwiseTesting.Run(11, "BitShift", inputs, DataType.UInt32, Values(), n => n.Attr("direction", "RIGHT")).ReadOnlySpan<uint>().ToArray());
    }
}

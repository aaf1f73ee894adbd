using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class AbsTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.UInt64)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Abs", [new TestInput(type, [2, 3, 4], -100, 100)], type);

    [Fact]
    public void Most_negative_integer_wraps_like_c()
    {
        var input = new TestInput(DataType.Int32, [3]);
        var y = ElementwiseTesting.Run(13, "Abs", [input], DataType.Int32, new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Int32, [3], int.MinValue, -5, 7) });
        Assert.Equal([int.MinValue, 5, 7], y.ReadOnlySpan<int>().ToArray());
    }
}

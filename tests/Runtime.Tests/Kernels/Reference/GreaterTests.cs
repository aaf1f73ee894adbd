using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GreaterTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.UInt64)]
    public void Broadcasting_matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Greater", [new TestInput(type, [2, 3, 4], 0, 4), new TestInput(type, [3, 1], 0, 4)], DataType.Bool);

    [Fact]
    public void BFloat16_compares_values()
    {
        var inputs = new[] { new TestInput(DataType.BFloat16, [3]), new TestInput(DataType.BFloat16, [1]) };
        var a = ElementwiseTesting.Make("x0", DataType.BFloat16, [3], BFloat16.FromSingle(1f), BFloat16.FromSingle(2f), BFloat16.FromSingle(3f));
        var b = ElementwiseTesting.Make("x1", DataType.BFloat16, [1], BFloat16.FromSingle(2f));
        var y = ElementwiseTesting.Run(13, "Greater", inputs, DataType.Bool, new() { ["x0"] = a, ["x1"] = b });
        Assert.Equal(new[] { 1f, 2f, 3f }.Select(a => a > 2f).ToArray(), y.ReadOnlySpan<bool>().ToArray());
    }
}

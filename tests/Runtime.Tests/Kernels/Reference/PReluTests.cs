using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class PReluTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    public void Channel_slopes_match_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(16, "PRelu", [new TestInput(type, [2, 3, 4, 2], -10, 10), new TestInput(type, [3, 1, 1], -2, 3)], type,
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(16, "PRelu", new TestInput(DataType.BFloat16, [2, 3]), new TestInput(DataType.BFloat16, [3]), (x, s) => x < 0 ? s * x : x, rtol: 8e-3);

    [Fact]
    public void Opset_6_slope_per_channel_along_axis_1()
    {
        var inputs = new[] { new TestInput(DataType.Float, [1, 2, 2]), new TestInput(DataType.Float, [2]) };
        var y = ElementwiseTesting.Run(6, "PRelu", inputs, DataType.Float, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [1, 2, 2], -1f, 2f, -4f, -8f),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Float, [2], 0.5f, 0.25f),
        });
        Assert.Equal([-0.5f, 2f, -1f, -2f], y.ReadOnlySpan<float>().ToArray());
    }
}

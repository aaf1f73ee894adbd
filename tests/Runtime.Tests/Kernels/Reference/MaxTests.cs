using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MaxTests
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
    [InlineData(DataType.UInt32)]
    public void Three_broadcast_inputs_match_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Max", [new TestInput(type, [3, 1], -50, 50), new TestInput(type, [2, 1, 4], -50, 50), new TestInput(type, [4], -50, 50)], type,
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Fact]
    public void One_input_is_copied()
        => ElementwiseTesting.AssertMatchesOrt(13, "Max", [new TestInput(DataType.Float, [2, 5])], DataType.Float);

    [Fact]
    public void Nan_propagates()
    {
        var inputs = new[] { new TestInput(DataType.Float, [3]), new TestInput(DataType.Float, [3]) };
        var y = ElementwiseTesting.Run(13, "Max", inputs, DataType.Float, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [3], float.NaN, 1f, 2f),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Float, [3], 1f, float.NaN, 3f),
        }).ReadOnlySpan<float>().ToArray();
        Assert.True(float.IsNaN(y[0]) && float.IsNaN(y[1]));
        Assert.Equal(3f, y[2]);
    }

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(13, "Max", new TestInput(DataType.BFloat16, [2, 3]), new TestInput(DataType.BFloat16, [3]), Math.Max);
}

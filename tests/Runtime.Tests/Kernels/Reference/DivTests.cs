using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class DivTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Broadcasting_matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(14, "Div", [new TestInput(type, [2, 1, 4]), new TestInput(type, [3, 1], 0.5, 4)], type,
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    public void Integers_truncate_like_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(14, "Div", [new TestInput(type, [3, 4], -100, 100), new TestInput(type, [4], 1, 9)], type);

    [Fact]
    public void Negative_integers_truncate_towards_zero_and_the_minimum_wraps()
    {
        var a = ElementwiseTesting.Make("x0", DataType.Int32, [4], -7, 7, int.MinValue, -9);
        var b = ElementwiseTesting.Make("x1", DataType.Int32, [4], 2, -2, -1, 3);
        var y = ElementwiseTesting.Run(14, "Div", [new TestInput(DataType.Int32, [4]), new TestInput(DataType.Int32, [4])], DataType.Int32, new() { ["x0"] = a, ["x1"] = b });
        Assert.Equal([-3, -3, int.MinValue, -3], y.ReadOnlySpan<int>().ToArray());
    }

    [Fact]
    public void Integer_division_by_zero_gives_zero_as_in_numpy()
    {
        var a = ElementwiseTesting.Make("x0", DataType.Int64, [2], 5L, 6L);
        var b = ElementwiseTesting.Make("x1", DataType.Int64, [2], 0L, 3L);
        var y = ElementwiseTesting.Run(14, "Div", [new TestInput(DataType.Int64, [2]), new TestInput(DataType.Int64, [2])], DataType.Int64, new() { ["x0"] = a, ["x1"] = b });
        Assert.Equal([0L, 2L], y.ReadOnlySpan<long>().ToArray());
    }

    [Fact]
    public void Floating_point_division_by_zero_follows_ieee()
    {
        var a = ElementwiseTesting.Make("x0", DataType.Float, [3], 1f, -1f, 0f);
        var b = ElementwiseTesting.Make("x1", DataType.Float, [3], 0f, 0f, 0f);
        var y = ElementwiseTesting.Run(14, "Div", [new TestInput(DataType.Float, [3]), new TestInput(DataType.Float, [3])], DataType.Float, new() { ["x0"] = a, ["x1"] = b }).ReadOnlySpan<float>().ToArray();
        Assert.Equal(float.PositiveInfinity, y[0]);
        Assert.Equal(float.NegativeInfinity, y[1]);
        Assert.True(float.IsNaN(y[2]));
    }

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(14, "Div", new TestInput(DataType.BFloat16, [2, 3]), new TestInput(DataType.BFloat16, [3], 0.5, 3), (a, b) => a / b, rtol: 8e-3);
}

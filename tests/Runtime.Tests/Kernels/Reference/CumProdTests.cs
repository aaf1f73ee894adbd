using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CumProdTests
{
    // ONNX Runtime has no CumProd (opset 26) yet: expected values by hand.
    [Theory]
    [InlineData(0L, 0L, new double[] { 1, 2, 3, 4, 10, 18 })]
    [InlineData(1L, 0L, new double[] { 1, 2, 6, 4, 20, 120 })]
    [InlineData(1L, 1L, new double[] { 1, 1, 2, 1, 4, 20 })]
    public void Products_along_an_axis(long axis, long exclusive, double[] expected)
    {
        var inputs = new[] { new TestInput(DataType.Double, [2, 3]), new TestInput(DataType.Int64, [1]) };
        var y = ElementwiseTesting.Run(26, "CumProd", inputs, DataType.Double, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Double, [2, 3], 1.0, 2.0, 3.0, 4.0, 5.0, 6.0),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Int64, [1], axis),
        }, n => n.Attr("exclusive", exclusive));
        Assert.Equal(expected, y.ReadOnlySpan<double>().ToArray());
    }

    [Fact]
    public void Reverse_exclusive_uint64()
    {
        var inputs = new[] { new TestInput(DataType.UInt64, [4]), new TestInput(DataType.Int32, []) };
        var y = ElementwiseTesting.Run(26, "CumProd", inputs, DataType.UInt64, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.UInt64, [4], 2ul, 3ul, 5ul, 7ul),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Int32, [], -1),
        }, n => n.Attr("exclusive", 1L).Attr("reverse", 1L));
        Assert.Equal([105ul, 35ul, 7ul, 1ul], y.ReadOnlySpan<ulong>().ToArray());
    }
}

using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CumSumTests
{
    [Theory]
    [InlineData(DataType.Float, 1L, 0L, 0L)]
    [InlineData(DataType.Double, 0L, 1L, 0L)]
    [InlineData(DataType.Float16, -1L, 0L, 1L)]
    [InlineData(DataType.Int32, 2L, 1L, 1L)]
    [InlineData(DataType.Int64, -3L, 0L, 1L)]
    public void Axes_and_directions_match_onnx_runtime(DataType type, long axis, long exclusive, long reverse)
    {
        var m = ElementwiseTesting.Model(14, "CumSum", [new TestInput(type, [2, 3, 4], -20, 20), new TestInput(DataType.Int64, [])], [type],
            n => n.Attr("exclusive", exclusive).Attr("reverse", reverse));
        var inputs = ElementwiseTesting.RandomInputs([new TestInput(type, [2, 3, 4], -20, 20)], 3);
        inputs["x1"] = ElementwiseTesting.Make("x1", DataType.Int64, [], axis);
        OpTester.AssertMatchesOrt(m, inputs, rtol: type == DataType.Float16 ? 2e-3 : 1e-4);
    }

    [Fact]
    public void Axis_out_of_range_is_an_error()
    {
        var inputs = new[] { new TestInput(DataType.Float, [2, 2]), new TestInput(DataType.Int32, []) };
        var e = Assert.Throws<EdgeMLException>(() => ElementwiseTesting.Run(14, "CumSum", inputs, DataType.Float, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [2, 2], 1f, 2f, 3f, 4f),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Int32, [], 2),
        }));
        Assert.Contains("axis 2 is out of range", e.Message);
    }
}

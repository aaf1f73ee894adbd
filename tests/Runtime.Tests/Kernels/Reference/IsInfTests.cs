using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class IsInfTests
{
    [Theory]
    [InlineData(DataType.Float, 1L, 1L)]
    [InlineData(DataType.Double, 0L, 1L)]
    [InlineData(DataType.Double, 1L, 0L)]
    public void Matches_onnx_runtime(DataType type, long positive, long negative)
    {
        var x = new Tensor("x0");
        double[] values = [double.NaN, 1, double.PositiveInfinity, -0.0, double.NegativeInfinity, -3];
        x.Allocate(type, [values.Length]);
        for (int i = 0; i < values.Length; i++) Runtime.Kernels.Common.ElementConversion.WriteSingle(x, i, values[i]);
        var m = ElementwiseTesting.Model(20, "IsInf", [new TestInput(type, [values.Length])], [DataType.Bool], n => n.Attr("detect_positive", positive).Attr("detect_negative", negative));
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x0"] = x });
    }

    [Fact]
    public void Float16_and_bfloat16()
    {
        foreach (var type in new[] { DataType.Float16, DataType.BFloat16 })
        {
            var x = new Tensor("x0");
            x.Allocate(type, [3]);
            Runtime.Kernels.Common.ElementConversion.WriteSingle(x, 0, double.NegativeInfinity);
            Runtime.Kernels.Common.ElementConversion.WriteSingle(x, 1, 65504);
            Runtime.Kernels.Common.ElementConversion.WriteSingle(x, 2, double.PositiveInfinity);
            var y = ElementwiseTesting.Run(20, "IsInf", [new TestInput(type, [3])], DataType.Bool, new() { ["x0"] = x }, n => n.Attr("detect_negative", 0L));
            Assert.Equal([false, false, true], y.ReadOnlySpan<bool>().ToArray());
        }
    }
}

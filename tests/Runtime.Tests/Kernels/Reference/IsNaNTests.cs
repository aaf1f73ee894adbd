using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class IsNaNTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
    {
        var x = new Tensor("x0");
        double[] values = [double.NaN, 1, double.PositiveInfinity, -0.0, double.NegativeInfinity, -3];
        x.Allocate(type, [values.Length]);
        for (int i = 0; i < values.Length; i++) Runtime.Kernels.Common.ElementConversion.WriteSingle(x, i, values[i]);
        var m = ElementwiseTesting.Model(20, "IsNaN", [new TestInput(type, [values.Length])], [DataType.Bool]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x0"] = x });
    }

    [Theory]
    [InlineData(DataType.BFloat16)]
    [InlineData(DataType.Float8E4M3FN)]
    [InlineData(DataType.Float8E5M2FNUZ)]
    public void Narrow_floats(DataType type)
    {
        var x = new Tensor("x0");
        x.Allocate(type, [3]);
        Runtime.Kernels.Common.ElementConversion.WriteSingle(x, 0, 1);
        Runtime.Kernels.Common.ElementConversion.WriteSingle(x, 1, double.NaN);
        Runtime.Kernels.Common.ElementConversion.WriteSingle(x, 2, -2);
        var y = ElementwiseTesting.Run(20, "IsNaN", [new TestInput(type, [3])], DataType.Bool, new() { ["x0"] = x });
        Assert.Equal([false, true, false], y.ReadOnlySpan<bool>().ToArray());
    }
}

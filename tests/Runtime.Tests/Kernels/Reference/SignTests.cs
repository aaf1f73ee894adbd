using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SignTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.UInt64)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Sign", [new TestInput(type, [2, 3, 4], -100, 100)], type);

    [Fact]
    public void Zero_and_nan_keep_their_value()
    {
        var input = new TestInput(DataType.Float, [5]);
        var y = ElementwiseTesting.Run(13, "Sign", [input], DataType.Float, new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [5], -0.5f, 0f, 3f, float.NaN, float.NegativeInfinity) });
        var v = y.ReadOnlySpan<float>().ToArray();
        Assert.Equal([-1f, 0f, 1f], v[..3]);
        Assert.True(float.IsNaN(v[3]));
        Assert.Equal(-1f, v[4]);
    }
}

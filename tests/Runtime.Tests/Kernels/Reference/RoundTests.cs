using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RoundTests
{
    [Fact]
    public void Halves_round_to_even()
    {
        float[] x = [-2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 2.4f, -2.6f, 1e10f];
        var input = new TestInput(DataType.Float, [x.Length]);
        var y = ElementwiseTesting.Run(22, "Round", [input], DataType.Float, new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [x.Length], x) });
        Assert.Equal([-2f, -2f, -0f, 0f, 2f, 2f, 2f, -3f, 1e10f], y.ReadOnlySpan<float>().ToArray());
    }

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(22, "Round", [new TestInput(type, [4, 10], -6, 6)], type);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertUnaryMatchesReference(22, "Round", DataType.BFloat16, x => Math.Round(x, MidpointRounding.ToEven), -6, 6);
}

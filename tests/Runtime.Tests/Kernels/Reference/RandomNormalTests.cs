using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RandomNormalTests
{
    private static OnnxModelBuilder Model(int opset, DataType? dtype, float? seed, long[] shape, float mean = 0, float scale = 1)
    {
        var m = new OnnxModelBuilder(opset);
        m.Graph.Output("y", dtype ?? DataType.Float, null);
        var node = m.Graph.Node("RandomNormal", [], ["y"]).Attr("shape", shape).Attr("mean", mean).Attr("scale", scale);
        if (dtype is { } t) node.Attr("dtype", (long)t);
        if (seed is { } s) node.Attr("seed", s);
        return m;
    }

    [Theory]
    [InlineData(null, 5f)]
    [InlineData(DataType.Double, 1f)]
    [InlineData(DataType.Float, 42f)]
    public void Seeded_stream_matches_onnx_runtime(DataType? dtype, float seed)
        => RandomTestData.AssertSameStreamAsOrt(Model(21, dtype, seed, [5, 3], 1.5f, 0.5f), new Dictionary<string, Tensor>(), 1e-5, 1e-6);

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Sample_moments_match_the_distribution(DataType dtype)
    {
        var y = RandomTestData.RunEdgeML(Model(22, dtype, 3f, [20000], -2, 3).ToBytes(), new Dictionary<string, Tensor>(), 1)[0];
        Assert.Equal(dtype, y.Type);
        var (mean, std) = RandomTestData.Moments(RandomTestData.Values(y));
        Assert.InRange(mean, -2 - 0.08, -2 + 0.08);
        Assert.InRange(std, 3 - 0.08, 3 + 0.08);
    }

    [Fact]
    public void Missing_shape_is_a_clear_error()
    {
        var m = new OnnxModelBuilder(22);
        m.Graph.Output("y", DataType.Float, null);
        m.Graph.Node("RandomNormal", [], ["y"]);
        var e = Assert.Throws<EdgeMLException>(() => RandomTestData.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>(), 1));
        Assert.Contains("needs the attribute 'shape'", e.Message);
    }
}

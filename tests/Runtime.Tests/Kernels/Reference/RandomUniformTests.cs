using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RandomUniformTests
{
    private static OnnxModelBuilder Model(int opset, DataType? dtype, float? seed, long[] shape, float low = 0, float high = 1)
    {
        var m = new OnnxModelBuilder(opset);
        m.Graph.Output("y", dtype ?? DataType.Float, null);
        var node = m.Graph.Node("RandomUniform", [], ["y"]).Attr("shape", shape).Attr("low", low).Attr("high", high);
        if (dtype is { } t) node.Attr("dtype", (long)t);
        if (seed is { } s) node.Attr("seed", s);
        return m;
    }

    [Theory]
    [InlineData(null, 5f)]
    [InlineData(DataType.Double, 0f)]
    [InlineData(DataType.Float, 123456789f)]
    public void Seeded_stream_matches_onnx_runtime(DataType? dtype, float seed)
        => RandomTestData.AssertSameStreamAsOrt(Model(21, dtype, seed, [3, 4], -2, 3), new Dictionary<string, Tensor>());

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Values_are_in_range_and_uniform(DataType dtype)
    {
        var y = RandomTestData.RunEdgeML(Model(22, dtype, 7f, [20000], -1, 3).ToBytes(), new Dictionary<string, Tensor>(), 1)[0];
        Assert.Equal(dtype, y.Type);
        Assert.Equal([20000L], y.Shape.ToArray());
        var v = RandomTestData.Values(y);
        Assert.All(v, x => Assert.InRange(x, -1, 3));
        var (mean, std) = RandomTestData.Moments(v);
        Assert.InRange(mean, 1 - 0.05, 1 + 0.05);
        Assert.InRange(std, 4 / Math.Sqrt(12) - 0.05, 4 / Math.Sqrt(12) + 0.05);
    }

    [Fact]
    public void Without_seed_results_are_reproducible_between_sessions()
    {
        var bytes = Model(22, null, null, [50]).ToBytes();
        var a = RandomTestData.RunEdgeML(bytes, new Dictionary<string, Tensor>(), 1)[0];
        var b = RandomTestData.RunEdgeML(bytes, new Dictionary<string, Tensor>(), 1)[0];
        Assert.Equal(RandomTestData.Values(a), RandomTestData.Values(b));
        Assert.True(RandomTestData.Values(a).Distinct().Count() > 45);
    }
}

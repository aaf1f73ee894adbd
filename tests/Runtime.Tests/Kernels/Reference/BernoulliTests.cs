using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class BernoulliTests
{
    private static OnnxModelBuilder Model(DataType inputType, DataType? dtype, float? seed, int opset = 22)
    {
        var m = new OnnxModelBuilder(opset);
        m.Graph.Input("x", inputType, null).Output("y", dtype ?? inputType, null);
        var node = m.Graph.Node("Bernoulli", ["x"], ["y"]);
        if (dtype is { } t) node.Attr("dtype", (long)t);
        if (seed is { } s) node.Attr("seed", s);
        return m;
    }

    private static Tensor Probabilities(DataType type, int n, float p)
    {
        var x = new Tensor("x");
        x.Allocate(type, [n]);
        if (type == DataType.Double) x.Span<double>().Fill(p);
        else x.Span<float>().Fill(p);
        return x;
    }

    [Theory]
    [InlineData(DataType.Float, null, 0.2f)]
    [InlineData(DataType.Double, null, 0.7f)]
    [InlineData(DataType.Float, DataType.Bool, 0.5f)]
    [InlineData(DataType.Double, DataType.Int32, 0.9f)]
    public void Ones_appear_with_probability_p(DataType inputType, DataType? dtype, float p)
    {
        var y = RandomTestData.RunEdgeML(Model(inputType, dtype, 2f).ToBytes(), new Dictionary<string, Tensor> { ["x"] = Probabilities(inputType, 20000, p) }, 1)[0];
        Assert.Equal(dtype ?? inputType, y.Type);
        var v = RandomTestData.Values(y);
        Assert.All(v, x => Assert.True(x is 0 or 1));
        Assert.InRange(v.Average(), p - 0.015, p + 0.015);
    }

    [Fact]
    public void Probabilities_zero_and_one_are_certain()
    {
        var x = OpTester.Make("x", DataType.Float, [6], 0f, 1f, 0f, 1f, 1f, 0f);
        var y = RandomTestData.RunEdgeML(Model(DataType.Float, DataType.Int64, null).ToBytes(), new Dictionary<string, Tensor> { ["x"] = x }, 1)[0];
        Assert.Equal([0L, 1L, 0L, 1L, 1L, 0L], y.ReadOnlySpan<long>().ToArray());
    }

    [Fact]
    public void Draws_the_uniform_stream_of_onnx_runtime_which_inverts_the_probability()
    {
        // ONNX Runtime runs ONNX's function body, Greater(RandomUniformLike(p), p): 1 with probability
        // 1 - p. EdgeML follows the specification's text (1 when u < p) on the same uniform stream,
        // so with one seed every element is the complement of ONNX Runtime's.
        var m = Model(DataType.Float, null, 3f, opset: 15);
        var inputs = new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [64], 1, 0, 1) };
        var ort = RandomTestData.Values(RandomTestData.RunOrt(m.ToBytes(), inputs, 1)[0]);
        var edge = RandomTestData.Values(RandomTestData.RunEdgeML(m.ToBytes(), inputs, 1)[0]);
        Assert.Equal(ort.Select(v => 1 - v).ToArray(), edge);
    }
}

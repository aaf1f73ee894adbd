using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MultinomialTests
{
    private static OnnxModelBuilder Model(DataType inputType, DataType? dtype, long samples, float? seed, int opset = 21)
    {
        var m = new OnnxModelBuilder(opset);
        m.Graph.Input("x", inputType, null, null).Output("y", dtype ?? DataType.Int32, null);
        var node = m.Graph.Node("Multinomial", ["x"], ["y"]).Attr("sample_size", samples);
        if (dtype is { } t) node.Attr("dtype", (long)t);
        if (seed is { } s) node.Attr("seed", s);
        return m;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DataType.Int64)]
    public void Seeded_samples_match_onnx_runtime(DataType? dtype)
        => RandomTestData.AssertSameStreamAsOrt(Model(DataType.Float, dtype, 16, 3f), new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [3, 5], 2, -2, 2) });

    [Fact]
    public void Sample_frequencies_follow_the_softmax_of_the_logits()
    {
        // log-probabilities of 0.1, 0.2, 0.7 and a class of probability 0 (-inf).
        var x = OpTester.Make("x", DataType.Float, [1, 4], MathF.Log(0.1f), MathF.Log(0.2f), MathF.Log(0.7f), float.NegativeInfinity);
        var y = RandomTestData.RunEdgeML(Model(DataType.Float, DataType.Int64, 20000, 11f, 22).ToBytes(), new Dictionary<string, Tensor> { ["x"] = x }, 1)[0];
        Assert.Equal([1L, 20000L], y.Shape.ToArray());
        var counts = new int[4];
        foreach (var c in y.ReadOnlySpan<long>()) counts[c]++;
        Assert.InRange(counts[0] / 20000.0, 0.09, 0.11);
        Assert.InRange(counts[1] / 20000.0, 0.19, 0.21);
        Assert.InRange(counts[2] / 20000.0, 0.69, 0.71);
        Assert.Equal(0, counts[3]);
    }

    [Fact]
    public void Double_logits_sample_like_the_same_float_logits_in_onnx_runtime()
    {
        // ONNX Runtime has no float64 Multinomial; the computation is in double either way.
        var x = OpTester.Random("x", [2, 6], 4, -3, 3);
        var expected = RandomTestData.RunOrt(Model(DataType.Float, null, 8, 5f).ToBytes(), new Dictionary<string, Tensor> { ["x"] = x }, 1)[0];
        var actual = RandomTestData.RunEdgeML(Model(DataType.Double, null, 8, 5f).ToBytes(), new Dictionary<string, Tensor> { ["x"] = RecurrentTestData.ToDouble(x) }, 1)[0];
        Assert.Equal(expected.ReadOnlySpan<int>().ToArray(), actual.ReadOnlySpan<int>().ToArray());
    }
}

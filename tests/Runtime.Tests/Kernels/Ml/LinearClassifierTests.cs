using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class LinearClassifierTests
{
    [Theory]
    [InlineData(1, "NONE", false)]
    [InlineData(1, "LOGISTIC", false)]
    [InlineData(1, "SOFTMAX", true)]
    [InlineData(2, "LOGISTIC", false)]
    [InlineData(3, "NONE", true)]
    [InlineData(3, "SOFTMAX", false)]
    [InlineData(3, "SOFTMAX_ZERO", true)]
    [InlineData(4, "LOGISTIC", true)]
    public void Matches_onnx_runtime(int classes, string transform, bool strings)
    {
        int labels = Math.Max(classes, 2);
        var rng = new Random(classes);
        var (m, n) = MlModel.Single("LinearClassifier", 1,
            g => g.Input("X", DataType.Float, null, 3).Output("Y", strings ? DataType.String : DataType.Int64, (object?)null).Output("Z", DataType.Float, null, null),
            ["X"], ["Y", "Z"]);
        n.Attr("coefficients", Enumerable.Range(0, classes * 3).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray())
         .Attr("intercepts", Enumerable.Range(0, classes).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray())
         .Attr("post_transform", transform);
        if (strings) n.Attr("classlabels_strings", Enumerable.Range(0, labels).Select(i => "L" + i).ToArray());
        else n.Attr("classlabels_ints", Enumerable.Range(0, labels).Select(i => (long)(i * 5 + 2)).ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Floats([25, 3], classes)));
    }

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.Int32)]
    public void Input_types_match_onnx_runtime(DataType type)
    {
        var (m, n) = MlModel.Single("LinearClassifier", 1,
            g => g.Input("X", type, 4, 2).Output("Y", DataType.Int64, 4).Output("Z", DataType.Float, 4, 3), ["X"], ["Y", "Z"]);
        n.Attr("coefficients", new[] { 1f, -1f, 0.5f, 0.25f, -2f, 1f }).Attr("intercepts", new[] { 0f, 0.5f, -0.5f }).Attr("classlabels_ints", new long[] { 7, 8, 9 });
        var x = type switch
        {
            DataType.Double => OpTester.Make("X", type, [4, 2], 1.0, -2.0, 0.5, 3.0, 0.0, 0.0, -1.5, 2.0),
            DataType.Int64 => OpTester.Make("X", type, [4, 2], 1L, -2L, 5L, 3L, 0L, 0L, -1L, 2L),
            _ => OpTester.Make("X", type, [4, 2], 1, -2, 5, 3, 0, 0, -1, 2),
        };
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Hand_computed_binary()
    {
        // score = 2 x0 - x1 + 0.5; label 1 when positive; Z = [1 - score, score].
        var (m, n) = MlModel.Single("LinearClassifier", 1,
            g => g.Input("X", DataType.Float, 2, 2).Output("Y", DataType.Int64, 2).Output("Z", DataType.Float, 2, 2), ["X"], ["Y", "Z"]);
        n.Attr("coefficients", new[] { 2f, -1f }).Attr("intercepts", new[] { 0.5f }).Attr("classlabels_ints", new long[] { 0, 1 });
        var x = OpTester.Make("X", DataType.Float, [2, 2], 1f, 1f, -1f, 1f);
        var outputs = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x));
        Assert.Equal([1L, 0L], outputs[0].ReadOnlySpan<long>().ToArray());
        Assert.Equal([-0.5f, 1.5f, 3.5f, -2.5f], outputs[1].ReadOnlySpan<float>().ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }
}

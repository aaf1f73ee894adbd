using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class LinearRegressorTests
{
    [Theory]
    [InlineData(1, "NONE")]
    [InlineData(1, "LOGISTIC")]
    [InlineData(2, "NONE")]
    [InlineData(3, "SOFTMAX")]
    [InlineData(2, "LOGISTIC")]
    public void Matches_onnx_runtime(int targets, string transform)
    {
        var rng = new Random(targets);
        var (m, n) = MlModel.Single("LinearRegressor", 1,
            g => g.Input("X", DataType.Float, null, 4).Output("Y", DataType.Float, null, targets), ["X"], ["Y"]);
        n.Attr("coefficients", Enumerable.Range(0, targets * 4).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray())
         .Attr("intercepts", Enumerable.Range(0, targets).Select(_ => (float)rng.NextDouble()).ToArray())
         .Attr("targets", (long)targets).Attr("post_transform", transform);
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Floats([20, 4], targets)));
    }

    [Fact]
    public void Hand_computed_without_intercepts()
    {
        var (m, n) = MlModel.Single("LinearRegressor", 1, g => g.Input("X", DataType.Float, 2, 2).Output("Y", DataType.Float, 2, 1), ["X"], ["Y"]);
        n.Attr("coefficients", new[] { 3f, -1f });
        var x = OpTester.Make("X", DataType.Float, [2, 2], 1f, 2f, -1f, 0.5f);
        Assert.Equal([1f, -3.5f], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].ReadOnlySpan<float>().ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }
}

using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class SVMRegressorTests
{
    [Theory]
    [InlineData("RBF", false)]
    [InlineData("POLY", false)]
    [InlineData("SIGMOID", false)]
    [InlineData("LINEAR", false)]
    [InlineData("RBF", true)]
    public void Support_vector_models_match_onnx_runtime(string kernel, bool oneClass)
    {
        var rng = new Random(kernel.Length);
        float[] R(int k) => Enumerable.Range(0, k).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var (m, n) = MlModel.Single("SVMRegressor", 1, g => g.Input("X", DataType.Float, null, 3).Output("Y", DataType.Float, null, 1), ["X"], ["Y"]);
        n.Attr("kernel_type", kernel).Attr("kernel_params", new[] { 0.4f, 0.2f, 3f }).Attr("n_supports", 5L)
         .Attr("support_vectors", R(15)).Attr("coefficients", R(5)).Attr("rho", new[] { 0.1f }).Attr("one_class", oneClass ? 1L : 0L);
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Floats([25, 3], 4)));
    }

    [Fact]
    public void Linear_form_hand_computed()
    {
        var (m, n) = MlModel.Single("SVMRegressor", 1, g => g.Input("X", DataType.Float, 2, 2).Output("Y", DataType.Float, 2, 1), ["X"], ["Y"]);
        n.Attr("coefficients", new[] { 2f, 1f }).Attr("rho", new[] { -1f }).Attr("kernel_params", new[] { 0.5f, 0f, 1f });
        var x = OpTester.Make("X", DataType.Float, [2, 2], 1f, 1f, 0.5f, -3f);
        Assert.Equal([2f, -3f], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].ReadOnlySpan<float>().ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }
}

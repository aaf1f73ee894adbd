using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class SVMClassifierTests
{
    private static float[] Random(Random rng, int n, double lo = -1, double hi = 1) => Enumerable.Range(0, n).Select(_ => (float)(lo + rng.NextDouble() * (hi - lo))).ToArray();

    [Theory]
    [InlineData(2, "RBF", false, "NONE")]
    [InlineData(2, "LINEAR", false, "LOGISTIC")]
    [InlineData(2, "POLY", true, "NONE")]
    [InlineData(3, "RBF", false, "NONE")]
    [InlineData(3, "SIGMOID", false, "SOFTMAX")]
    [InlineData(3, "RBF", true, "NONE")]
    [InlineData(4, "POLY", true, "LOGISTIC")]
    [InlineData(4, "LINEAR", true, "NONE")]
    public void Support_vector_models_match_onnx_runtime(int classes, string kernel, bool probabilities, string transform)
    {
        var rng = new Random(classes * 10 + kernel.Length);
        int features = 3;
        var perClass = Enumerable.Range(0, classes).Select(_ => (long)rng.Next(1, 4)).ToArray();
        int vectors = (int)perClass.Sum();
        int pairs = classes * (classes - 1) / 2;
        var (m, n) = MlModel.Single("SVMClassifier", 1,
            g => g.Input("X", DataType.Float, null, features).Output("Y", DataType.Int64, (object?)null).Output("Z", DataType.Float, null, null), ["X"], ["Y", "Z"]);
        n.Attr("kernel_type", kernel).Attr("kernel_params", new[] { 0.3f, 0.5f, 2f }).Attr("post_transform", transform)
         .Attr("vectors_per_class", perClass).Attr("support_vectors", Random(rng, vectors * features, -2, 2))
         .Attr("coefficients", Random(rng, (classes - 1) * vectors, -2, 2)).Attr("rho", Random(rng, pairs))
         .Attr("classlabels_ints", Enumerable.Range(0, classes).Select(i => (long)i + 3).ToArray());
        if (probabilities) n.Attr("prob_a", Random(rng, pairs, -3, -1)).Attr("prob_b", Random(rng, pairs, -0.2, 0.2));
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Floats([30, features], classes)));
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    public void Linear_models_match_onnx_runtime(int classes, bool positive)
    {
        var rng = new Random(classes);
        var (m, n) = MlModel.Single("SVMClassifier", 1,
            g => g.Input("X", DataType.Float, null, 4).Output("Y", DataType.String, (object?)null).Output("Z", DataType.Float, null, classes), ["X"], ["Y", "Z"]);
        n.Attr("coefficients", Random(rng, classes * 4, positive ? 0 : -1, 1)).Attr("rho", new[] { -0.1f }).Attr("kernel_params", new[] { 0.5f, 0f, 1f })
         .Attr("classlabels_strings", Enumerable.Range(0, classes).Select(i => "class" + i).ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Floats([30, 4], classes, 0, 1)));
    }
}

using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class FeatureVectorizerTests
{
    [Fact]
    public void Cuts_pads_and_casts_like_onnx_runtime()
    {
        // Input a has 3 columns kept to 2; b has 1 column padded to 3; all are cast to float.
        // (The inputs share one type: the schema binds them to a single T1.)
        var (m, n) = MlModel.Single("FeatureVectorizer", 1,
            g => g.Input("a", DataType.Double, 2, 3).Input("b", DataType.Double, 2, 1).Input("c", DataType.Double, 2, 2).Output("Y", DataType.Float, 2, 7),
            ["a", "b", "c"], ["Y"]);
        n.Attr("inputdimensions", new long[] { 2, 3, 2 });
        var inputs = new Dictionary<string, Tensor>
        {
            ["a"] = OpTester.Make("a", DataType.Double, [2, 3], 1.0, 2, 3, 4, 5, 6),
            ["b"] = OpTester.Make("b", DataType.Double, [2, 1], 7.0, 8),
            ["c"] = OpTester.Make("c", DataType.Double, [2, 2], 0.5, 1.5, 2.5, 3.5),
        };
        Assert.Equal([1f, 2f, 7f, 0f, 0f, 0.5f, 1.5f, 4f, 5f, 8f, 0f, 0f, 2.5f, 3.5f], OpTester.RunEdgeML(m.ToBytes(), inputs)[0].ReadOnlySpan<float>().ToArray());
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void Int64_inputs_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("FeatureVectorizer", 1,
            g => g.Input("a", DataType.Int64, 3, 2).Input("b", DataType.Int64, 3, 2).Output("Y", DataType.Float, 3, 4), ["a", "b"], ["Y"]);
        n.Attr("inputdimensions", new long[] { 2, 2 });
        var inputs = new Dictionary<string, Tensor>
        {
            ["a"] = OpTester.Make("a", DataType.Int64, [3, 2], 1L, 2, 3, 4, 5, 6),
            ["b"] = OpTester.Make("b", DataType.Int64, [3, 2], -1L, -2, -3, -4, -5, -6),
        };
        OpTester.AssertMatchesOrt(m, inputs);
    }
}

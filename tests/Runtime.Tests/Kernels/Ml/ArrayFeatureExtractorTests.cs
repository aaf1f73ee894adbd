using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class ArrayFeatureExtractorTests
{
    [Theory]
    [InlineData(new long[] { 3, 4 })]
    [InlineData(new long[] { 2, 2, 5 })]
    [InlineData(new long[] { 6 })]
    public void Floats_match_onnx_runtime(long[] shape)
    {
        var (m, _) = MlModel.Single("ArrayFeatureExtractor", 1,
            g => g.Input("X", DataType.Float, shape.Cast<object?>().ToArray()).Input("I", DataType.Int64, 3).Output("Z", DataType.Float, null), ["X", "I"], ["Z"]);
        var inputs = new Dictionary<string, Tensor> { ["X"] = MlModel.Floats(shape, 3), ["I"] = OpTester.Make("I", DataType.Int64, [3], 2L, 0L, 2L) };
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void Strings_match_onnx_runtime()
    {
        var (m, _) = MlModel.Single("ArrayFeatureExtractor", 1,
            g => g.Input("X", DataType.String, 2, 3).Input("I", DataType.Int64, 1).Output("Z", DataType.String, null), ["X", "I"], ["Z"]);
        var inputs = new Dictionary<string, Tensor> { ["X"] = MlModel.Strings("X", [2, 3], "a", "b", "c", "d", "e", "f"), ["I"] = OpTester.Make("I", DataType.Int64, [1], 1L) };
        Assert.Equal(["b", "e"], OpTester.RunEdgeML(m.ToBytes(), inputs)[0].Strings.ToArray());
        OpTester.AssertMatchesOrt(m, inputs);
    }
}

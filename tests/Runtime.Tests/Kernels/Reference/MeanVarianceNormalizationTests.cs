using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MeanVarianceNormalizationTests
{
    [Theory]
    [InlineData(new long[] { 0, 2, 3 })]
    [InlineData(new long[] { 1 })]
    [InlineData(new long[] { 2, 3 })]
    [InlineData(new long[] { 0, 1, 2, 3 })]
    public void Axes_match_onnx_runtime(long[] axes)
        => MatchesOrt(13, "MeanVarianceNormalization", [Random("x", [2, 3, 4, 5], axes.Length, -3, 3)], [new("y", DataType.Float)], n => n.Attr("axes", axes));

    [Fact]
    public void Default_axes_of_opset_9_and_double_match_onnx_runtime()
    {
        MatchesOrt(9, "MeanVarianceNormalization", [Random("x", [2, 3, 4, 5], 8)], [new("y", DataType.Float)]);
        MatchesOrtInFloat(DataType.Double, 13, "MeanVarianceNormalization", [Random("x", [2, 3, 4, 5], 9)], [new("y", DataType.Float)], null, 1e-4, 1e-5);
    }
}

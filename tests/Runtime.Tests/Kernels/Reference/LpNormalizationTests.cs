using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LpNormalizationTests
{
    [Theory]
    [InlineData(1, -1)]
    [InlineData(2, -1)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void Norms_along_an_axis_match_onnx_runtime(long p, long axis)
        => MatchesOrt(1, "LpNormalization", [Random("x", [3, 4, 5], (int)(p + axis + 5))], [new("y", DataType.Float)], n => n.Attr("p", p).Attr("axis", axis));

    [Fact]
    public void Double_matches_onnx_runtime()
        => MatchesOrt(1, "LpNormalization", [Random("x", [3, 6], 9, type: DataType.Double)], [new("y", DataType.Double)]);
}

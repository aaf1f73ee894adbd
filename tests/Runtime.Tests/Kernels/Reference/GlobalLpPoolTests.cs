using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GlobalLpPoolTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void P_norms_match_onnx_runtime(long p)
        => MatchesOrt(2, "GlobalLpPool", [Random("x", [2, 3, 5, 4], (int)p)], [new("y", DataType.Float)], n => n.Attr("p", p));

    [Fact]
    public void Default_p_on_one_and_three_spatial_axes_matches_onnx_runtime()
    {
        MatchesOrt(2, "GlobalLpPool", [Random("x", [1, 4, 7], 4)], [new("y", DataType.Float)]);
        MatchesOrt(2, "GlobalLpPool", [Random("x", [1, 2, 3, 2, 4], 5)], [new("y", DataType.Float)]);
    }

    [Fact]
    public void Double_matches_onnx_runtime_in_float()
        => MatchesOrtInFloat(DataType.Double, 2, "GlobalLpPool", [Random("x", [2, 3, 6, 5], 6)], [new("y", DataType.Float)], null, 1e-5, 1e-6);
}

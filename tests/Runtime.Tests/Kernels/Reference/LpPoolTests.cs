using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LpPoolTests
{
    private static readonly Output[] Y = [new("y", DataType.Float)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void P_norms_with_padding_match_onnx_runtime(long p)
        => MatchesOrt(11, "LpPool", [Random("x", [1, 2, 7, 8], 1)], Y, n => n
            .Attr("p", p).Attr("kernel_shape", new long[] { 3, 2 }).Attr("strides", new long[] { 2, 2 }).Attr("pads", new long[] { 1, 0, 1, 1 }));

    [Fact]
    public void One_dimensional_and_same_padding_match_onnx_runtime()
        => MatchesOrt(11, "LpPool", [Random("x", [2, 3, 11], 2)], Y, n => n.Attr("kernel_shape", new long[] { 3 }).Attr("strides", new long[] { 2 }).Attr("auto_pad", "SAME_UPPER"));

    [Fact]
    public void Double_matches_onnx_runtime_in_float()
        => MatchesOrtInFloat(DataType.Double, 11, "LpPool", [Random("x", [1, 2, 6, 6], 3)], Y, n => n.Attr("kernel_shape", new long[] { 2, 2 }), 1e-5, 1e-6);
}

using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GemmTests
{
    private static readonly Output[] Y = [new("y", DataType.Float)];

    [Theory]
    [InlineData(0, 0, new long[] { 3, 5 })]
    [InlineData(1, 0, new long[] { 5 })]
    [InlineData(0, 1, new long[] { 3, 1 })]
    [InlineData(1, 1, new long[] { 1, 5 })]
    [InlineData(0, 0, new long[] { 1 })]
    [InlineData(1, 1, new long[0])]
    public void Transposes_and_bias_shapes_match_onnx_runtime(long transA, long transB, long[] c)
    {
        var a = Random("a", transA == 1 ? [4, 3] : [3, 4], 1);
        var b = Random("b", transB == 1 ? [5, 4] : [4, 5], 2);
        MatchesOrt(13, "Gemm", [a, b, Random("c", c, 3)], Y, n => n.Attr("transA", transA).Attr("transB", transB).Attr("alpha", 0.75f).Attr("beta", -1.5f));
    }

    [Fact]
    public void Optional_c_and_opset_7_and_9_match_onnx_runtime()
    {
        MatchesOrt(11, "Gemm", [Random("a", [2, 6], 4), Random("b", [6, 3], 5)], Y, n => n.Attr("alpha", 2f));
        MatchesOrt(7, "Gemm", [Random("a", [2, 6], 6), Random("b", [3, 6], 7), Random("c", [3], 8)], Y, n => n.Attr("transB", 1L));
        MatchesOrt(9, "Gemm", [Random("a", [2, 6], 9), Random("b", [6, 3], 10), Random("c", [2, 3], 11)], Y, n => n.Attr("beta", 0f));
    }

    [Fact]
    public void Double_matches_onnx_runtime()
        => MatchesOrt(13, "Gemm", [Random("a", [4, 3], 18, type: DataType.Double), Random("b", [4, 5], 19, type: DataType.Double), Random("c", [3, 1], 20, type: DataType.Double)],
            [new("y", DataType.Double)], n => n.Attr("transA", 1L).Attr("alpha", 0.5f));

    [Theory]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt32)]
    [InlineData(DataType.UInt64)]
    public void Other_types_match_onnx_runtime_in_float(DataType type)
    {
        // ONNX Runtime has no integer Gemm; small integers are exact in its float32 result.
        double lo = type is DataType.UInt32 or DataType.UInt64 ? 0 : -10;
        MatchesOrtInFloat(type, 13, "Gemm", [Random("a", [3, 4], 12, lo, 10), Random("b", [5, 4], 13, lo, 10), Random("c", [5], 14, lo, 10)], Y,
            n => n.Attr("transB", 1L).Attr("beta", 2f), rtol: 0, atol: 0);
    }

    [Fact]
    public void Float16_matches_onnx_runtime_in_float()
        => MatchesOrtInFloat(DataType.Float16, 13, "Gemm", [Random("a", [3, 8], 15), Random("b", [8, 4], 16), Random("c", [4], 17)], Y, null, 2e-3, 2e-3);
}

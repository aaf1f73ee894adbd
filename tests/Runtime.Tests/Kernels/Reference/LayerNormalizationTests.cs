using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LayerNormalizationTests
{
    private static readonly Output[] All = [new("y", DataType.Float), new("mean", DataType.Float), new("inv", DataType.Float)];

    [Theory]
    [InlineData(new long[] { 2, 3, 8 }, -1, new long[] { 8 })]
    [InlineData(new long[] { 2, 3, 8 }, 1, new long[] { 3, 8 })]
    [InlineData(new long[] { 2, 3, 8 }, 1, new long[] { 1, 8 })]
    [InlineData(new long[] { 4, 6 }, 0, new long[] { 4, 6 })]
    [InlineData(new long[] { 2, 3, 4, 5 }, -2, new long[] { 4, 1 })]
    public void Broadcast_scale_and_bias_and_statistics_match_onnx_runtime(long[] x, long axis, long[] scale)
        => MatchesOrt(17, "LayerNormalization", [Random("x", x, 1, -3, 3), Random("s", scale, 2), Random("b", scale, 3)], All,
            n => n.Attr("axis", axis).Attr("epsilon", 1e-3f));

    [Fact]
    public void Without_bias_matches_onnx_runtime()
        => MatchesOrt(17, "LayerNormalization", [Random("x", [3, 16], 4), Random("s", [16], 5)], [new("y", DataType.Float)]);

    [Theory]
    [InlineData(DataType.Double, 1e-5)]
    [InlineData(DataType.Float16, 2e-3)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 17, "LayerNormalization", [Random("x", [2, 3, 8], 6), Random("s", [8], 7), Random("b", [8], 8)], [new("y", DataType.Float)], null, rtol, 2e-3);
}

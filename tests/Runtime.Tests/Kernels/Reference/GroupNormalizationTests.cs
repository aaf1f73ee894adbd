using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GroupNormalizationTests
{
    [Theory]
    [InlineData(new long[] { 2, 6, 4, 5 }, 3)]
    [InlineData(new long[] { 2, 6, 4, 5 }, 6)]
    [InlineData(new long[] { 3, 4, 7 }, 1)]
    public void Per_channel_scale_matches_onnx_runtime(long[] x, long groups)
        => MatchesOrt(21, "GroupNormalization", [Random("x", x, 1, -3, 3), Random("s", [x[1]], 2), Random("b", [x[1]], 3)], [new("y", DataType.Float)],
            n => n.Attr("num_groups", groups).Attr("epsilon", 1e-3f));

    [Theory]
    [InlineData(DataType.Double, 1e-5)]
    [InlineData(DataType.Float16, 2e-3)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 21, "GroupNormalization", [Random("x", [2, 6, 3, 3], 4), Random("s", [6], 5), Random("b", [6], 6)], [new("y", DataType.Float)],
            n => n.Attr("num_groups", 2L), rtol, 2e-3);

    [Fact]
    public void Opset_18_scales_per_group()
    {
        // ONNX Runtime no longer runs opset 18: the per-group parameters are the per-channel ones repeated.
        var x = Random("x", [2, 6, 3, 3], 7, -3, 3);
        var groupScale = Values("s", DataType.Float, [3], 0.5f, 2f, -1f);
        var groupBias = Values("b", DataType.Float, [3], 0.1f, -0.2f, 0.3f);
        var channelScale = Values("s", DataType.Float, [6], 0.5f, 0.5f, 2f, 2f, -1f, -1f);
        var channelBias = Values("b", DataType.Float, [6], 0.1f, 0.1f, -0.2f, -0.2f, 0.3f, 0.3f);
        var expected = EdgeML.TestSupport.OpTester.RunOrt(NodeModel(21, "GroupNormalization", [x, channelScale, channelBias], [new("y", DataType.Float)], n => n.Attr("num_groups", 3L)).ToBytes(),
            Feed([x, channelScale, channelBias]));
        var actual = EdgeML.TestSupport.OpTester.RunEdgeML(NodeModel(18, "GroupNormalization", [x, groupScale, groupBias], [new("y", DataType.Float)], n => n.Attr("num_groups", 3L)).ToBytes(),
            Feed([x, groupScale, groupBias]));
        var r = EdgeML.Compiler.Verification.TensorComparison.Compare(actual[0], expected[0], 1e-4, 1e-5);
        Assert.True(r.Equal, r.Reason);
    }
}

using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MaxRoiPoolTests
{
    [Theory]
    [InlineData(1f)]
    [InlineData(0.5f)]
    public void Rois_match_onnx_runtime(float scale)
    {
        var rois = Values("rois", DataType.Float, [4, 5],
            0, 0, 0, 7, 7,
            1, 2, 1, 9, 5,
            0, 3.4f, 2.6f, 4.5f, 9,
            1, -2, -1, 20, 3);
        MatchesOrt(1, "MaxRoiPool", [Random("x", [2, 3, 10, 9], 1), rois], [new("y", DataType.Float)],
            n => n.Attr("pooled_shape", new long[] { 3, 2 }).Attr("spatial_scale", scale));
    }

    [Fact]
    public void Double_matches_onnx_runtime_in_float()
    {
        var rois = Values("rois", DataType.Float, [2, 5], 0, 1, 1, 6, 4, 0, 0, 2, 3, 8);
        MatchesOrtInFloat(DataType.Double, 1, "MaxRoiPool", [Random("x", [1, 2, 9, 8], 2), rois], [new("y", DataType.Float)],
            n => n.Attr("pooled_shape", new long[] { 2, 3 }), 0, 0);
    }
}

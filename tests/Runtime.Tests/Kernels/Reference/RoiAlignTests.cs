using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RoiAlignTests
{
    private static Tensor Rois() => Values("rois", DataType.Float, [4, 4],
        0, 0, 7, 7,
        1.5f, 2.25f, 8.5f, 5,
        -1, 3, 4, 12,
        2, 2, 2.5f, 2.2f);

    [Theory]
    [InlineData("avg", "half_pixel", 0, 1f)]
    [InlineData("avg", "output_half_pixel", 2, 0.5f)]
    [InlineData("max", "half_pixel", 2, 1f)]
    [InlineData("max", "output_half_pixel", 0, 1f)]
    public void Modes_match_onnx_runtime(string mode, string transform, long samplingRatio, float scale)
    {
        var batch = Values("b", DataType.Int64, [4], 0, 1, 1, 0);
        MatchesOrt(16, "RoiAlign", [Random("x", [2, 3, 10, 9], 1), Rois(), batch], [new("y", DataType.Float)], n => n
            .Attr("mode", mode).Attr("coordinate_transformation_mode", transform).Attr("sampling_ratio", samplingRatio)
            .Attr("spatial_scale", scale).Attr("output_height", 3L).Attr("output_width", 2L));
    }

    [Fact]
    public void Opset_10_matches_onnx_runtime()
    {
        var batch = Values("b", DataType.Int64, [4], 0, 0, 1, 1);
        MatchesOrt(10, "RoiAlign", [Random("x", [2, 2, 8, 8], 2), Rois(), batch], [new("y", DataType.Float)],
            n => n.Attr("output_height", 2L).Attr("output_width", 2L));
    }
}

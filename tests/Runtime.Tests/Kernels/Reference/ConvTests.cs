using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ConvTests
{
    private static readonly Output[] Y = [new("y", DataType.Float)];

    [Theory]
    // 2-D: plain, strided, padded, dilated, grouped, depthwise, channel multiplier, 1x1.
    [InlineData(new long[] { 2, 4, 9, 7 }, new long[] { 6, 4, 3, 3 }, 1, new long[] { 1, 1 }, new long[] { 1, 1 }, new long[] { 0, 0, 0, 0 }, "NOTSET")]
    [InlineData(new long[] { 1, 3, 11, 10 }, new long[] { 5, 3, 3, 2 }, 1, new long[] { 2, 3 }, new long[] { 1, 1 }, new long[] { 1, 0, 2, 1 }, "NOTSET")]
    [InlineData(new long[] { 1, 4, 12, 12 }, new long[] { 4, 2, 3, 3 }, 2, new long[] { 1, 1 }, new long[] { 2, 3 }, new long[] { 2, 3, 2, 3 }, "NOTSET")]
    [InlineData(new long[] { 1, 6, 8, 8 }, new long[] { 6, 1, 3, 3 }, 6, new long[] { 2, 2 }, new long[] { 1, 1 }, new long[] { 0, 0, 0, 0 }, "SAME_UPPER")]
    [InlineData(new long[] { 1, 6, 8, 9 }, new long[] { 6, 1, 5, 5 }, 6, new long[] { 2, 2 }, new long[] { 1, 1 }, new long[] { 0, 0, 0, 0 }, "SAME_LOWER")]
    [InlineData(new long[] { 1, 3, 7, 7 }, new long[] { 9, 1, 3, 3 }, 3, new long[] { 1, 1 }, new long[] { 1, 1 }, new long[] { 1, 1, 1, 1 }, "NOTSET")]
    [InlineData(new long[] { 2, 8, 5, 6 }, new long[] { 12, 8, 1, 1 }, 1, new long[] { 1, 1 }, new long[] { 1, 1 }, new long[] { 0, 0, 0, 0 }, "NOTSET")]
    [InlineData(new long[] { 1, 8, 6, 6 }, new long[] { 4, 8, 1, 1 }, 1, new long[] { 2, 2 }, new long[] { 1, 1 }, new long[] { 1, 1, 1, 1 }, "NOTSET")]
    [InlineData(new long[] { 1, 2, 9, 9 }, new long[] { 3, 2, 3, 3 }, 1, new long[] { 1, 1 }, new long[] { 1, 1 }, new long[] { 0, 0, 0, 0 }, "VALID")]
    // 1-D and 3-D.
    [InlineData(new long[] { 2, 3, 20 }, new long[] { 4, 3, 5 }, 1, new long[] { 3 }, new long[] { 2 }, new long[] { 2, 1 }, "NOTSET")]
    [InlineData(new long[] { 1, 2, 5, 6, 7 }, new long[] { 4, 2, 3, 2, 3 }, 1, new long[] { 1, 2, 1 }, new long[] { 1, 1, 2 }, new long[] { 1, 0, 1, 1, 1, 0 }, "NOTSET")]
    [InlineData(new long[] { 1, 4, 4, 5, 6 }, new long[] { 4, 1, 2, 3, 3 }, 4, new long[] { 1, 1, 1 }, new long[] { 1, 1, 1 }, new long[] { 0, 0, 0, 0, 0, 0 }, "SAME_UPPER")]
    public void Float_with_bias_matches_onnx_runtime(long[] x, long[] w, long group, long[] strides, long[] dilations, long[] pads, string autoPad)
    {
        var b = Random("b", [w[0]], 3);
        MatchesOrt(11, "Conv", [Random("x", x, 1), Random("w", w, 2), b], Y, n =>
        {
            n.Attr("group", group).Attr("strides", strides).Attr("dilations", dilations).Attr("auto_pad", autoPad);
            if (autoPad == "NOTSET") n.Attr("pads", pads);
        });
    }

    [Fact]
    public void Without_bias_and_with_explicit_kernel_shape_matches_onnx_runtime()
        => MatchesOrt(1, "Conv", [Random("x", [1, 3, 6, 6], 4), Random("w", [2, 3, 3, 3], 5)], Y, n => n.Attr("kernel_shape", new long[] { 3, 3 }));

    [Fact]
    public void Large_input_is_unrolled_in_tiles_and_matches_onnx_runtime()
    {
        // 64 channels x 9 taps x 64 columns x 64 rows exceeds the column scratch budget.
        MatchesOrt(11, "Conv", [Random("x", [1, 64, 64, 64], 6), Random("w", [8, 64, 3, 3], 7), Random("b", [8], 8)], Y,
            n => n.Attr("pads", new long[] { 1, 1, 1, 1 }), rtol: 1e-4, atol: 1e-4);
    }

    [Theory]
    [InlineData(DataType.Double, 1e-4)]
    [InlineData(DataType.Float16, 2e-3)]
    [InlineData(DataType.BFloat16, 1e-2)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
    {
        MatchesOrtInFloat(type, 11, "Conv", [Random("x", [1, 4, 7, 8], 9), Random("w", [6, 2, 3, 3], 10), Random("b", [6], 11)], Y,
            n => n.Attr("group", 2L).Attr("pads", new long[] { 1, 1, 1, 1 }), rtol, 1e-3);
        MatchesOrtInFloat(type, 11, "Conv", [Random("x", [1, 4, 7, 8], 12), Random("w", [4, 1, 3, 3], 13)], Y,
            n => n.Attr("group", 4L).Attr("strides", new long[] { 2, 2 }), rtol, 1e-3);
    }
}

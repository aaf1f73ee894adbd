using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ConvTransposeTests
{
    private static readonly Output[] Y = [new("y", DataType.Float)];

    [Theory]
    [InlineData(new long[] { 1, 2, 4, 5 }, new long[] { 2, 3, 3, 3 }, 1, new long[] { 2, 2 }, new long[] { 1, 1 }, new long[] { 1, 0, 1, 2 }, new long[] { 1, 0 })]
    [InlineData(new long[] { 2, 4, 3, 3 }, new long[] { 4, 2, 2, 3 }, 2, new long[] { 1, 2 }, new long[] { 2, 1 }, new long[] { 0, 0, 0, 0 }, new long[] { 0, 1 })]
    [InlineData(new long[] { 1, 3, 5 }, new long[] { 3, 2, 4 }, 1, new long[] { 3 }, new long[] { 1 }, new long[] { 1, 2 }, new long[] { 2 })]
    [InlineData(new long[] { 1, 2, 2, 3, 2 }, new long[] { 2, 2, 2, 2, 2 }, 1, new long[] { 2, 1, 2 }, new long[] { 1, 1, 1 }, new long[] { 0, 0, 0, 0, 0, 0 }, new long[] { 0, 0, 1 })]
    public void Float_with_bias_matches_onnx_runtime(long[] x, long[] w, long group, long[] strides, long[] dilations, long[] pads, long[] outputPadding)
    {
        MatchesOrt(11, "ConvTranspose", [Random("x", x, 1), Random("w", w, 2), Random("b", [w[1] * group], 3)], Y, n => n
            .Attr("group", group).Attr("strides", strides).Attr("dilations", dilations).Attr("pads", pads).Attr("output_padding", outputPadding));
    }

    [Theory]
    [InlineData("SAME_UPPER")]
    [InlineData("SAME_LOWER")]
    [InlineData("VALID")]
    public void Auto_pad_matches_onnx_runtime(string autoPad)
        => MatchesOrt(11, "ConvTranspose", [Random("x", [1, 2, 3, 4], 4), Random("w", [2, 2, 3, 4], 5)], Y,
            n => n.Attr("strides", new long[] { 2, 3 }).Attr("auto_pad", autoPad));

    [Fact]
    public void Output_shape_matches_onnx_runtime()
        => MatchesOrt(11, "ConvTranspose", [Random("x", [1, 1, 3, 3], 6), Random("w", [1, 2, 3, 3], 7)], Y,
            n => n.Attr("strides", new long[] { 3, 2 }).Attr("output_shape", new long[] { 9, 7 }));

    [Theory]
    [InlineData(DataType.Double, 1e-4)]
    [InlineData(DataType.Float16, 2e-3)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 11, "ConvTranspose", [Random("x", [1, 2, 4, 4], 8), Random("w", [2, 3, 3, 3], 9), Random("b", [3], 10)], Y,
            n => n.Attr("strides", new long[] { 2, 2 }).Attr("pads", new long[] { 1, 1, 1, 1 }), rtol, 1e-3);
}

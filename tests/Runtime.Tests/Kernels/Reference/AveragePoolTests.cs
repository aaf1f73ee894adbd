using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class AveragePoolTests
{
    private static readonly Output[] Y = [new("y", DataType.Float)];

    [Theory]
    [InlineData(new long[] { 1, 2, 9, 8 }, new long[] { 3, 3 }, new long[] { 2, 2 }, new long[] { 1, 1, 1, 0 }, 0, 0)]
    [InlineData(new long[] { 1, 2, 9, 8 }, new long[] { 3, 3 }, new long[] { 2, 2 }, new long[] { 1, 1, 1, 0 }, 1, 0)]
    [InlineData(new long[] { 2, 3, 10, 7 }, new long[] { 2, 3 }, new long[] { 3, 2 }, new long[] { 1, 1, 1, 1 }, 1, 1)]
    [InlineData(new long[] { 1, 2, 10, 7 }, new long[] { 2, 3 }, new long[] { 3, 2 }, new long[] { 0, 1, 0, 1 }, 0, 1)]
    [InlineData(new long[] { 1, 3, 12 }, new long[] { 4 }, new long[] { 3 }, new long[] { 2, 1 }, 1, 0)]
    [InlineData(new long[] { 1, 1, 5, 6, 4 }, new long[] { 2, 3, 2 }, new long[] { 2, 2, 1 }, new long[] { 1, 0, 0, 0, 1, 1 }, 0, 1)]
    public void Padding_and_ceil_mode_match_onnx_runtime(long[] x, long[] kernel, long[] strides, long[] pads, long countIncludePad, long ceil)
    {
        MatchesOrt(11, "AveragePool", [Random("x", x, 1)], Y, n => n
            .Attr("kernel_shape", kernel).Attr("strides", strides).Attr("pads", pads).Attr("count_include_pad", countIncludePad).Attr("ceil_mode", ceil));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Dilations_match_onnx_runtime(long countIncludePad)
        => MatchesOrt(19, "AveragePool", [Random("x", [1, 2, 9, 10], 2)], Y, n => n
            .Attr("kernel_shape", new long[] { 2, 3 }).Attr("dilations", new long[] { 2, 2 }).Attr("pads", new long[] { 1, 2, 1, 0 }).Attr("count_include_pad", countIncludePad));

    [Theory]
    [InlineData("SAME_UPPER")]
    [InlineData("SAME_LOWER")]
    [InlineData("VALID")]
    public void Auto_pad_of_opset_7_matches_onnx_runtime(string autoPad)
        => MatchesOrt(7, "AveragePool", [Random("x", [1, 2, 7, 8], 3)], Y, n => n.Attr("kernel_shape", new long[] { 3, 2 }).Attr("strides", new long[] { 2, 3 }).Attr("auto_pad", autoPad));

    [Theory]
    [InlineData(DataType.Double, 1e-6)]
    [InlineData(DataType.Float16, 2e-3)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 11, "AveragePool", [Random("x", [1, 3, 6, 7], 4)], Y, n => n.Attr("kernel_shape", new long[] { 2, 2 }).Attr("pads", new long[] { 1, 0, 1, 1 }), rtol, 1e-3);
}

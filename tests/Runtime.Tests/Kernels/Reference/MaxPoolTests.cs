using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MaxPoolTests
{
    [Theory]
    [InlineData(new long[] { 1, 2, 9, 8 }, new long[] { 3, 3 }, new long[] { 2, 2 }, new long[] { 1, 1 }, new long[] { 1, 1, 1, 0 }, 0, 0)]
    [InlineData(new long[] { 2, 3, 10, 7 }, new long[] { 2, 3 }, new long[] { 2, 1 }, new long[] { 2, 1 }, new long[] { 0, 1, 1, 1 }, 1, 0)]
    [InlineData(new long[] { 1, 2, 7, 7 }, new long[] { 3, 2 }, new long[] { 2, 3 }, new long[] { 1, 1 }, new long[] { 0, 0, 0, 0 }, 1, 1)]
    [InlineData(new long[] { 1, 3, 12 }, new long[] { 4 }, new long[] { 3 }, new long[] { 2 }, new long[] { 2, 1 }, 0, 0)]
    [InlineData(new long[] { 1, 1, 5, 6, 4 }, new long[] { 2, 3, 2 }, new long[] { 2, 2, 1 }, new long[] { 1, 1, 2 }, new long[] { 1, 0, 0, 0, 1, 1 }, 1, 0)]
    public void Values_and_indices_match_onnx_runtime(long[] x, long[] kernel, long[] strides, long[] dilations, long[] pads, long ceil, long storageOrder)
    {
        MatchesOrt(12, "MaxPool", [Random("x", x, 1)], [new("y", DataType.Float), new("i", DataType.Int64)], n => n
            .Attr("kernel_shape", kernel).Attr("strides", strides).Attr("dilations", dilations).Attr("pads", pads).Attr("ceil_mode", ceil).Attr("storage_order", storageOrder));
    }

    [Theory]
    [InlineData("SAME_UPPER")]
    [InlineData("SAME_LOWER")]
    [InlineData("VALID")]
    public void Auto_pad_matches_onnx_runtime(string autoPad)
        => MatchesOrt(8, "MaxPool", [Random("x", [1, 2, 7, 8], 2)], [new("y", DataType.Float)],
            n => n.Attr("kernel_shape", new long[] { 3, 2 }).Attr("strides", new long[] { 2, 3 }).Attr("auto_pad", autoPad));

    [Theory]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Other_types_match_onnx_runtime(DataType type)
    {
        double lo = type == DataType.UInt8 ? 0 : -100;
        MatchesOrt(12, "MaxPool", [Random("x", [1, 3, 6, 7], 3, lo, 100, type)], [new("y", type)],
            n => n.Attr("kernel_shape", new long[] { 2, 2 }).Attr("pads", new long[] { 1, 0, 1, 1 }));
    }
}

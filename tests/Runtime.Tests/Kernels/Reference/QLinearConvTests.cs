using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class QLinearConvTests
{
    [Theory]
    [InlineData(DataType.UInt8, DataType.UInt8)]
    [InlineData(DataType.Int8, DataType.Int8)]
    [InlineData(DataType.UInt8, DataType.Int8)]
    public void Per_channel_weights_bias_padding_and_strides_match_onnx_runtime(DataType tx, DataType tw)
    {
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("x", tx, 1, 3, 7, 6).Input("sx", DataType.Float).Input("zx", tx)
            .Input("w", tw, 4, 3, 3, 3).Input("sw", DataType.Float, 4).Input("zw", tw, 4)
            .Input("sy", DataType.Float).Input("zy", tx).Input("bias", DataType.Int32, 4).Output("y", tx, null, null, null, null);
        m.Graph.Node("QLinearConv", ["x", "sx", "zx", "w", "sw", "zw", "sy", "zy", "bias"], ["y"])
            .Attr("pads", new long[] { 1, 0, 1, 2 }).Attr("strides", new long[] { 2, 2 });
        var zeroW = new Tensor("zw");
        zeroW.Allocate(tw, [4]);
        zeroW.Bytes.Clear(); // ONNX Runtime requires symmetric (zero) weight zero points per channel
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = IntegerTestData.Bytes("x", tx, [1, 3, 7, 6], 41),
            ["sx"] = OpTester.Make<float>("sx", DataType.Float, [], 0.02f),
            ["zx"] = IntegerTestData.Bytes("zx", tx, [], 42),
            ["w"] = IntegerTestData.Bytes("w", tw, [4, 3, 3, 3], 43),
            ["sw"] = OpTester.Make<float>("sw", DataType.Float, [4], 0.004f, 0.01f, 0.002f, 0.007f),
            ["zw"] = zeroW,
            ["sy"] = OpTester.Make<float>("sy", DataType.Float, [], 0.5f),
            ["zy"] = IntegerTestData.Bytes("zy", tx, [], 44),
            ["bias"] = OpTester.Make<int>("bias", DataType.Int32, [4], 100, -2000, 0, 31),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 1);
    }
}

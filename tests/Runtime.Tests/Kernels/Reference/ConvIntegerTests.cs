using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ConvIntegerTests
{
    [Fact]
    public void Strides_dilations_and_groups_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("x", DataType.UInt8, 2, 4, 9, 8).Input("w", DataType.UInt8, 6, 2, 3, 2).Input("zx", DataType.UInt8).Input("zw", DataType.UInt8)
            .Output("y", DataType.Int32, null, null, null, null);
        m.Graph.Node("ConvInteger", ["x", "w", "zx", "zw"], ["y"]).Attr("group", 2L).Attr("strides", new long[] { 2, 1 }).Attr("dilations", new long[] { 1, 2 });
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = IntegerTestData.Bytes("x", DataType.UInt8, [2, 4, 9, 8], 31),
            ["w"] = IntegerTestData.Bytes("w", DataType.UInt8, [6, 2, 3, 2], 32),
            ["zx"] = OpTester.Make<byte>("zx", DataType.UInt8, [], 100),
            ["zw"] = OpTester.Make<byte>("zw", DataType.UInt8, [], 7),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Padding_contributes_nothing()
    {
        // ONNX Runtime pads ConvInteger with zeros rather than the zero point, so this is checked
        // by hand: a 1x1 image of value 5 with zero point 5, padded to 3x3, convolved with ones.
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("x", DataType.UInt8, 1, 1, 1, 1).Input("w", DataType.UInt8, 1, 1, 3, 3).Input("zx", DataType.UInt8).Output("y", DataType.Int32, 1, 1, 1, 1);
        m.Graph.Node("ConvInteger", ["x", "w", "zx"], ["y"]).Attr("pads", new long[] { 1, 1, 1, 1 });
        var w = OpTester.Make<byte>("w", DataType.UInt8, [1, 1, 3, 3], 1, 1, 1, 1, 1, 1, 1, 1, 1);
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<byte>("x", DataType.UInt8, [1, 1, 1, 1], 9),
            ["w"] = w,
            ["zx"] = OpTester.Make<byte>("zx", DataType.UInt8, [], 5),
        })[0];
        Assert.Equal([4], y.ReadOnlySpan<int>().ToArray());
    }
}

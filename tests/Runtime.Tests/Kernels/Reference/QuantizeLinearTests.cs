using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class QuantizeLinearTests
{
    [Theory]
    [InlineData(10, DataType.UInt8)]
    [InlineData(13, DataType.Int8)]
    [InlineData(21, DataType.UInt16)]
    [InlineData(21, DataType.Int16)]
    public void Per_tensor_rounds_half_to_even_and_saturates_like_onnx_runtime(int opset, DataType type)
    {
        var m = new OnnxModelBuilder(opset);
        m.Graph.Input("x", DataType.Float, 12).Input("s", DataType.Float).Input("z", type).Output("y", type, 12);
        m.Graph.Node("QuantizeLinear", ["x", "s", "z"], ["y"]);
        // Exact ties (x / 0.5 = k + 0.5), values beyond the range on both sides, and negatives.
        var x = OpTester.Make<float>("x", DataType.Float, [12], 0.25f, 0.75f, 1.25f, -0.25f, -0.75f, 1e6f, -1e6f, 3.3f, -7.1f, 63.75f, 64.25f, -64.25f);
        var z = new Tensor("z");
        z.Allocate(type, []);
        z.Bytes.Clear();
        if (type == DataType.UInt8) z.Span<byte>()[0] = 128;
        if (type == DataType.Int8) z.Span<sbyte>()[0] = -3;
        var inputs = new Dictionary<string, Tensor> { ["x"] = x, ["s"] = OpTester.Make<float>("s", DataType.Float, [], 0.5f), ["z"] = z };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Per_axis_with_negative_axis_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 2, 3, 4).Input("s", DataType.Float, 3).Input("z", DataType.Int8, 3).Output("y", DataType.Int8, 2, 3, 4);
        m.Graph.Node("QuantizeLinear", ["x", "s", "z"], ["y"]).Attr("axis", -2L);
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Random("x", [2, 3, 4], 3, -40, 40),
            ["s"] = OpTester.Make<float>("s", DataType.Float, [3], 0.1f, 0.37f, 2f),
            ["z"] = OpTester.Make<sbyte>("z", DataType.Int8, [3], -5, 0, 7),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Blocked_with_a_partial_last_block_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(21);
        m.Graph.Input("x", DataType.Float, 3, 5).Input("s", DataType.Float, 3, 3).Input("z", DataType.UInt8, 3, 3).Output("y", DataType.UInt8, 3, 5);
        m.Graph.Node("QuantizeLinear", ["x", "s", "z"], ["y"]).Attr("axis", 1L).Attr("block_size", 2L);
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Random("x", [3, 5], 4, -10, 10),
            ["s"] = OpTester.Random("s", [3, 3], 5, 0.05f, 0.2f),
            ["z"] = OpTester.Make<byte>("z", DataType.UInt8, [3, 3], 0, 10, 100, 128, 200, 255, 1, 2, 3),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Float16_input_and_scale_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(19);
        m.Graph.Input("x", DataType.Float16, 8).Input("s", DataType.Float16).Input("z", DataType.Int8).Output("y", DataType.Int8, 8);
        m.Graph.Node("QuantizeLinear", ["x", "s", "z"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<Half>("x", DataType.Float16, [8], (Half)0.3, (Half)(-1.7), (Half)10.25, (Half)(-300), (Half)2.5, (Half)0, (Half)(-0.05), (Half)7.75),
            ["s"] = OpTester.Make<Half>("s", DataType.Float16, [], (Half)0.125),
            ["z"] = OpTester.Make<sbyte>("z", DataType.Int8, [], 1),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Without_zero_point_the_output_is_uint8()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 4).Input("s", DataType.Float).Output("y", DataType.UInt8, 4);
        m.Graph.Node("QuantizeLinear", ["x", "s"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<float>("x", DataType.Float, [4], -1f, 1.5f, 2.5f, 1000f),
            ["s"] = OpTester.Make<float>("s", DataType.Float, [], 1f),
        };
        var y = OpTester.RunEdgeML(m.ToBytes(), inputs)[0];
        Assert.Equal(DataType.UInt8, y.Type);
        Assert.Equal([0, 2, 2, 255], y.ReadOnlySpan<byte>().ToArray());
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Int4_output_packs_two_values_per_byte_low_nibble_first()
    {
        var m = new OnnxModelBuilder(21);
        m.Graph.Input("x", DataType.Float, 5).Input("s", DataType.Float).Input("z", DataType.Int4, 1).Output("y", DataType.Int4, 5);
        m.Graph.Node("QuantizeLinear", ["x", "s", "z"], ["y"]);
        var z = new Tensor("z");
        z.Allocate(DataType.Int4, [1]);
        z.Span<byte>()[0] = 0x01; // zero point 1
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<float>("x", DataType.Float, [5], -100f, -3f, 0.5f, 1.5f, 100f),
            ["s"] = OpTester.Make<float>("s", DataType.Float, [], 1f),
            ["z"] = z,
        };
        var y = OpTester.RunEdgeML(m.ToBytes(), inputs)[0];
        // -100 -> -8 (0x8), -3 -> -2 (0xE), 0.5 -> 0 + 1 = 1, 1.5 -> 2 + 1 = 3, 100 -> 7.
        Assert.Equal([0xE8, 0x31, 0x07], y.ReadOnlySpan<byte>().ToArray());
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class DequantizeLinearTests
{
    [Fact]
    public void Int8_per_axis_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Int8, 2, 3).Input("s", DataType.Float, 2).Input("z", DataType.Int8, 2).Output("y", DataType.Float, 2, 3);
        m.Graph.Node("DequantizeLinear", ["x", "s", "z"], ["y"]).Attr("axis", 0L);
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<sbyte>("x", DataType.Int8, [2, 3], -128, 0, 127, 5, -6, 7),
            ["s"] = OpTester.Make<float>("s", DataType.Float, [2], 0.5f, 3f),
            ["z"] = OpTester.Make<sbyte>("z", DataType.Int8, [2], -1, 4),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Int32_input_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Int32, 4).Input("s", DataType.Float).Output("y", DataType.Float, 4);
        m.Graph.Node("DequantizeLinear", ["x", "s"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<int>("x", DataType.Int32, [4], -1000000, 0, 77, 123456),
            ["s"] = OpTester.Make<float>("s", DataType.Float, [], 0.001f),
        };
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void Float16_scale_gives_float16_output_like_onnx_runtime()
    {
        var m = new OnnxModelBuilder(19);
        m.Graph.Input("x", DataType.UInt8, 5).Input("s", DataType.Float16).Input("z", DataType.UInt8).Output("y", DataType.Float16, 5);
        m.Graph.Node("DequantizeLinear", ["x", "s", "z"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<byte>("x", DataType.UInt8, [5], 0, 1, 127, 128, 255),
            ["s"] = OpTester.Make<Half>("s", DataType.Float16, [], (Half)0.0137),
            ["z"] = OpTester.Make<byte>("z", DataType.UInt8, [], 128),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Float8_round_trip_follows_the_onnx_cast_tables()
    {
        // E4M3FN: 448 is the largest finite value; 0x7F is NaN; saturation clamps to 448.
        Assert.Equal(0x7E, QuantizationMath.SingleToFloat8(1e9f, DataType.Float8E4M3FN, true));
        Assert.Equal(0x7F, QuantizationMath.SingleToFloat8(1e9f, DataType.Float8E4M3FN, false));
        Assert.Equal(448f, QuantizationMath.Float8ToSingle(0x7E, DataType.Float8E4M3FN));
        // E5M2 keeps infinities when not saturating.
        Assert.Equal(0x7C, QuantizationMath.SingleToFloat8(float.PositiveInfinity, DataType.Float8E5M2, false));
        Assert.Equal(0x7B, QuantizationMath.SingleToFloat8(float.PositiveInfinity, DataType.Float8E5M2, true));
        // FNUZ types have no negative zero and NaN is 0x80.
        Assert.Equal(0, QuantizationMath.SingleToFloat8(-0f, DataType.Float8E4M3FNUZ, true));
        Assert.Equal(0x80, QuantizationMath.SingleToFloat8(float.NaN, DataType.Float8E5M2FNUZ, true));
        // Ties go to even: 17 lies halfway between 16 (0x58) and 18 (0x59) in E4M3FN.
        Assert.Equal(0x58, QuantizationMath.SingleToFloat8(17f, DataType.Float8E4M3FN, true));
        // Every code decodes and re-encodes to itself (NaN aside).
        foreach (var type in new[] { DataType.Float8E4M3FN, DataType.Float8E4M3FNUZ, DataType.Float8E5M2, DataType.Float8E5M2FNUZ })
        {
            for (int code = 0; code < 256; code++)
            {
                float v = QuantizationMath.Float8ToSingle((byte)code, type);
                if (float.IsNaN(v) || float.IsInfinity(v)) continue;
                Assert.Equal(code, QuantizationMath.SingleToFloat8(v, type, true));
            }
        }
        for (int code = 0; code < 16; code++)
        {
            float v = ElementConversion.Float4E2M1ToSingle(code);
            if (code == 8) Assert.Equal(0x8, ElementConversion.SingleToFloat4E2M1(-0f));
            else Assert.Equal(code, ElementConversion.SingleToFloat4E2M1(v));
        }
    }
}

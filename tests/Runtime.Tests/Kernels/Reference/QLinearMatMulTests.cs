using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class QLinearMatMulTests
{
    [Theory]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.Int8)]
    public void Random_matrices_match_onnx_runtime(DataType type)
    {
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("a", type, 3, 7).Input("sa", DataType.Float).Input("za", type)
            .Input("b", type, 7, 5).Input("sb", DataType.Float).Input("zb", type)
            .Input("sy", DataType.Float).Input("zy", type).Output("y", type, 3, 5);
        m.Graph.Node("QLinearMatMul", ["a", "sa", "za", "b", "sb", "zb", "sy", "zy"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["a"] = IntegerTestData.Bytes("a", type, [3, 7], 11),
            ["sa"] = OpTester.Make<float>("sa", DataType.Float, [], 0.013f),
            ["za"] = IntegerTestData.Bytes("za", type, [], 12),
            ["b"] = IntegerTestData.Bytes("b", type, [7, 5], 13),
            ["sb"] = OpTester.Make<float>("sb", DataType.Float, [], 0.021f),
            ["zb"] = IntegerTestData.Bytes("zb", type, [], 14),
            ["sy"] = OpTester.Make<float>("sy", DataType.Float, [], 0.37f),
            ["zy"] = IntegerTestData.Bytes("zy", type, [], 15),
        };
        // Rounding of exact ties may differ by one between the ONNX reference and ONNX Runtime.
        OpTester.AssertMatchesOrt(m, inputs, 0, 1);
    }

    [Fact]
    public void Per_column_scales_of_b_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("a", DataType.UInt8, 2, 4).Input("sa", DataType.Float).Input("za", DataType.UInt8)
            .Input("b", DataType.Int8, 4, 3).Input("sb", DataType.Float, 3).Input("zb", DataType.Int8, 3)
            .Input("sy", DataType.Float).Input("zy", DataType.UInt8).Output("y", DataType.UInt8, 2, 3);
        m.Graph.Node("QLinearMatMul", ["a", "sa", "za", "b", "sb", "zb", "sy", "zy"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["a"] = IntegerTestData.Bytes("a", DataType.UInt8, [2, 4], 21),
            ["sa"] = OpTester.Make<float>("sa", DataType.Float, [], 0.02f),
            ["za"] = OpTester.Make<byte>("za", DataType.UInt8, [], 120),
            ["b"] = IntegerTestData.Bytes("b", DataType.Int8, [4, 3], 22),
            ["sb"] = OpTester.Make<float>("sb", DataType.Float, [3], 0.01f, 0.03f, 0.005f),
            ["zb"] = OpTester.Make<sbyte>("zb", DataType.Int8, [3], 0, 0, 0),
            ["sy"] = OpTester.Make<float>("sy", DataType.Float, [], 0.05f),
            ["zy"] = OpTester.Make<byte>("zy", DataType.UInt8, [], 128),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 1);
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MatMulIntegerTests
{
    [Theory]
    [InlineData(DataType.UInt8, DataType.Int8)]
    [InlineData(DataType.Int8, DataType.Int8)]
    [InlineData(DataType.UInt8, DataType.UInt8)]
    public void Batched_with_per_column_zero_points_matches_onnx_runtime(DataType ta, DataType tb)
    {
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("a", ta, 2, 3, 5).Input("b", tb, 5, 4).Input("za", ta).Input("zb", tb, 4).Output("y", DataType.Int32, 2, 3, 4);
        m.Graph.Node("MatMulInteger", ["a", "b", "za", "zb"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["a"] = IntegerTestData.Bytes("a", ta, [2, 3, 5], 1),
            ["b"] = IntegerTestData.Bytes("b", tb, [5, 4], 2),
            ["za"] = IntegerTestData.Bytes("za", ta, [], 3),
            ["zb"] = IntegerTestData.Bytes("zb", tb, [4], 4),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Broadcast_batches_without_zero_points_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("a", DataType.Int8, 3, 1, 2, 6).Input("b", DataType.Int8, 4, 6, 3).Output("y", DataType.Int32, 3, 4, 2, 3);
        m.Graph.Node("MatMulInteger", ["a", "b"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["a"] = IntegerTestData.Bytes("a", DataType.Int8, [3, 1, 2, 6], 5),
            ["b"] = IntegerTestData.Bytes("b", DataType.Int8, [4, 6, 3], 6),
        };
        OpTester.AssertMatchesOrt(m, inputs, 0, 0);
    }

    [Fact]
    public void Per_row_zero_point_of_a_is_subtracted_row_by_row()
    {
        // ONNX Runtime only takes a scalar a_zero_point, so the per-row case is checked by hand.
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("a", DataType.UInt8, 2, 2).Input("b", DataType.UInt8, 2, 1).Input("za", DataType.UInt8, 2).Output("y", DataType.Int32, 2, 1);
        m.Graph.Node("MatMulInteger", ["a", "b", "za"], ["y"]);
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>
        {
            ["a"] = OpTester.Make<byte>("a", DataType.UInt8, [2, 2], 10, 20, 30, 40),
            ["b"] = OpTester.Make<byte>("b", DataType.UInt8, [2, 1], 1, 2),
            ["za"] = OpTester.Make<byte>("za", DataType.UInt8, [2], 10, 50),
        })[0];
        // Row 0: (0, 10) . (1, 2) = 20; row 1: (-20, -10) . (1, 2) = -40.
        Assert.Equal([20, -40], y.ReadOnlySpan<int>().ToArray());
    }
}

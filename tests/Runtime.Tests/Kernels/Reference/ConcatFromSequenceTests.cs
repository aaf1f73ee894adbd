using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ConcatFromSequenceTests
{
    private static OnnxModelBuilder Model(long axis, long? newAxis, DataType type = DataType.Float)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", type).Output("y", type, null);
        var node = m.Graph.Node("ConcatFromSequence", ["seq"], ["y"]).Attr("axis", axis);
        if (newAxis is { } n) node.Attr("new_axis", n);
        return m;
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    public void Concatenation_matches_onnx_runtime(long axis)
    {
        long[][] shapes = axis switch
        {
            0 => [[1, 3, 2], [4, 3, 2], [2, 3, 2]],
            1 => [[2, 1, 2], [2, 3, 2], [2, 0, 2]],
            _ => [[2, 3, 1], [2, 3, 4]],
        };
        OpTester.AssertMatchesOrt(Model(axis, null), new Dictionary<string, Tensor> { ["seq"] = SequenceTestData.Floats("seq", shapes) });
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(2L)]
    [InlineData(-1L)]
    [InlineData(-3L)]
    public void Stacking_on_a_new_axis_matches_onnx_runtime(long axis)
        => OpTester.AssertMatchesOrt(Model(axis, 1), new Dictionary<string, Tensor> { ["seq"] = SequenceTestData.Floats("seq", [2, 3], [2, 3], [2, 3]) });

    [Fact]
    public void Int64_items_and_shape_mismatch()
    {
        var seq = new Tensor("seq");
        seq.SetSequence(DataType.Int64);
        seq.AddItem().CopyFrom(OpTester.Make("a", DataType.Int64, [2], 1L, 2L));
        seq.AddItem().CopyFrom(OpTester.Make("b", DataType.Int64, [3], 3L, 4L, 5L));
        var inputs = new Dictionary<string, Tensor> { ["seq"] = seq };
        OpTester.AssertMatchesOrt(Model(0, null, DataType.Int64), inputs);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(Model(0, 1, DataType.Int64).ToBytes(), inputs));
        Assert.Contains("item 1 has shape [3]", e.Message);
    }
}

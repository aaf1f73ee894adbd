using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SplitToSequenceTests
{
    private static OnnxModelBuilder Model(long axis, long? keepDims, ConstantTensor? split)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("x", DataType.Float, 4, 5, 3).SequenceOutput("y", DataType.Float);
        if (split != null) m.Graph.Initializer("split", split);
        var node = m.Graph.Node("SplitToSequence", split != null ? ["x", "split"] : ["x"], ["y"]).Attr("axis", axis);
        if (keepDims is { } k) node.Attr("keepdims", k);
        return m;
    }

    private static Dictionary<string, Tensor> Input() => new() { ["x"] = OpTester.Random("x", [4, 5, 3], 1) };

    [Theory]
    [InlineData(0L, null)]
    [InlineData(1L, 0L)]
    [InlineData(-1L, 0L)]
    [InlineData(2L, 1L)]
    public void Without_split_matches_onnx_runtime(long axis, long? keepDims)
        => OpTester.AssertMatchesOrt(Model(axis, keepDims, null), Input());

    [Theory]
    [InlineData(1L, 2L)]   // 5 = 2 + 2 + 1: the last piece is shorter
    [InlineData(0L, 4L)]
    [InlineData(-2L, 7L)]  // larger than the axis: one piece
    public void Scalar_split_matches_onnx_runtime(long axis, long size)
    {
        var split = ConstantTensor.From<long>(DataType.Int64, [], [size]);
        OpTester.AssertMatchesOrt(Model(axis, null, split), Input());
        // keepdims is ignored when split is given (ONNX Runtime fails on keepdims = 0 here).
        var kept = OpTester.RunEdgeML(Model(axis, 1, split).ToBytes(), Input())[0];
        var ignored = OpTester.RunEdgeML(Model(axis, 0, split).ToBytes(), Input())[0];
        RecurrentTestData.AssertClose(kept, ignored, 0, 0);
    }

    [Fact]
    public void List_split_matches_onnx_runtime()
    {
        OpTester.AssertMatchesOrt(Model(1, null, ConstantTensor.From<int>(DataType.Int32, [3], [1, 3, 1])), Input());
        OpTester.AssertMatchesOrt(Model(0, 0, ConstantTensor.From<long>(DataType.Int64, [2], [3, 1])), Input());
    }

    [Fact]
    public void Split_that_does_not_add_up_is_a_clear_error()
    {
        var m = Model(1, null, ConstantTensor.From<long>(DataType.Int64, [2], [3, 1]));
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(m.ToBytes(), Input()));
        Assert.Contains("split adds up to 4 but axis 1 has length 5", e.Message);
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SequenceInsertTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(3L)]
    [InlineData(-1L)]
    [InlineData(-3L)]
    public void Positions_match_onnx_runtime(long position)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", DataType.Float).Input("t", DataType.Float, null).Input("pos", DataType.Int64).SequenceOutput("y", DataType.Float);
        m.Graph.Node("SequenceInsert", ["seq", "t", "pos"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["seq"] = SequenceTestData.Floats("seq", [2], [3], [1, 2]),
            ["t"] = OpTester.Random("t", [5], 9),
            ["pos"] = SequenceTestData.Scalar("pos", DataType.Int64, position),
        });
    }

    [Fact]
    public void Without_position_appends_and_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", DataType.Int64).Input("t", DataType.Int64, null).SequenceOutput("y", DataType.Int64);
        m.Graph.Node("SequenceInsert", ["seq", "t"], ["y"]);
        var seq = new Tensor("seq");
        seq.SetSequence(DataType.Int64);
        seq.AddItem().CopyFrom(OpTester.Make("a", DataType.Int64, [2], 1L, 2L));
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["seq"] = seq, ["t"] = OpTester.Make("t", DataType.Int64, [1], 7L) });
    }

    [Fact]
    public void Into_an_empty_sequence_and_a_type_mismatch()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("t", DataType.Float, null).SequenceOutput("y", DataType.Float);
        m.Graph.Node("SequenceEmpty", [], ["empty"]);
        m.Graph.Node("SequenceInsert", ["empty", "t"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["t"] = OpTester.Random("t", [3], 1) });

        var wrong = new OnnxModelBuilder(11);
        wrong.Graph.Input("t", DataType.Float, null).SequenceOutput("y", DataType.Int32);
        wrong.Graph.Node("SequenceEmpty", [], ["empty"]).Attr("dtype", (long)DataType.Int32);
        wrong.Graph.Node("SequenceInsert", ["empty", "t"], ["y"]);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(wrong.ToBytes(), new Dictionary<string, Tensor> { ["t"] = OpTester.Random("t", [3], 1) }));
        Assert.Contains("cannot insert a float32 tensor into a sequence of int32", e.Message);
    }
}

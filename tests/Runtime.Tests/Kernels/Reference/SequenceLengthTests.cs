using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SequenceLengthTests
{
    [Fact]
    public void Length_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", DataType.Float).Output("n", DataType.Int64);
        m.Graph.Node("SequenceLength", ["seq"], ["n"]);
        var inputs = new Dictionary<string, Tensor> { ["seq"] = SequenceTestData.Floats("seq", [2], [3], [1, 2], [4]) };
        OpTester.AssertMatchesOrt(m, inputs);
        var n = OpTester.RunEdgeML(m.ToBytes(), inputs)[0];
        Assert.Equal(0, n.Rank);
        Assert.Equal(4L, n.ReadOnlySpan<long>()[0]);
    }

    [Fact]
    public void Empty_sequence_has_length_zero()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Output("n", DataType.Int64);
        m.Graph.Node("SequenceEmpty", [], ["empty"]);
        m.Graph.Node("SequenceLength", ["empty"], ["n"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>());
        Assert.Equal(0L, OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>())[0].ReadOnlySpan<long>()[0]);
    }
}

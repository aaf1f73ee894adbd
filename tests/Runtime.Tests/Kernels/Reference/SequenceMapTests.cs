using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SequenceMapTests
{
    [Fact]
    public void Sequence_and_tensor_inputs_with_two_outputs_match_onnx_runtime()
    {
        // body(a, b, t) = (a + b, a * t): a and b from two sequences, t one tensor for every item.
        var body = new OnnxGraphBuilder("body");
        body.Input("a", DataType.Float, null).Input("b", DataType.Float, null).Input("t", DataType.Float, null);
        body.Output("sum", DataType.Float, null).Output("scaled", DataType.Float, null);
        body.Node("Add", ["a", "b"], ["sum"]);
        body.Node("Mul", ["a", "t"], ["scaled"]);
        var m = new OnnxModelBuilder(17);
        m.Graph.SequenceInput("s1", DataType.Float).SequenceInput("s2", DataType.Float).Input("t", DataType.Float, 1);
        m.Graph.SequenceOutput("sums", DataType.Float).SequenceOutput("scaled", DataType.Float);
        m.Graph.Node("SequenceMap", ["s1", "s2", "t"], ["sums", "scaled"]).Attr("body", body);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["s1"] = SequenceTestData.Floats("s1", [2, 3], [4], [1]),
            ["s2"] = SequenceTestData.Floats("s2", [2, 3], [4], [1]),
            ["t"] = OpTester.Make("t", DataType.Float, [1], 2.5f),
        });
    }

    [Fact]
    public void Body_reading_an_outer_value_over_an_empty_sequence_gives_empty_sequences()
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("a", DataType.Float, null);
        body.Output("shifted", DataType.Float, null);
        body.Node("Add", ["a", "offset"], ["shifted"]);
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("offset", DataType.Float, 1).SequenceOutput("y", DataType.Float);
        m.Graph.Node("SequenceEmpty", [], ["empty"]);
        m.Graph.Node("SequenceMap", ["empty"], ["y"]).Attr("body", body);
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["offset"] = OpTester.Make("offset", DataType.Float, [1], 1f) })[0];
        Assert.Equal(ValueKind.Sequence, y.Kind);
        Assert.Empty(y.Items);

        var items = new OnnxModelBuilder(17);
        items.Graph.Input("offset", DataType.Float, 1).SequenceInput("s", DataType.Float).SequenceOutput("y", DataType.Float);
        items.Graph.Node("SequenceMap", ["s"], ["y"]).Attr("body", body);
        OpTester.AssertMatchesOrt(items, new Dictionary<string, Tensor>
        {
            ["offset"] = OpTester.Make("offset", DataType.Float, [1], 1f),
            ["s"] = SequenceTestData.Floats("s", [3], [2, 2]),
        });
    }

    [Fact]
    public void Sequences_of_different_lengths_are_a_clear_error()
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("a", DataType.Float, null).Input("b", DataType.Float, null);
        body.Output("sum", DataType.Float, null);
        body.Node("Add", ["a", "b"], ["sum"]);
        var m = new OnnxModelBuilder(17);
        m.Graph.SequenceInput("s1", DataType.Float).SequenceInput("s2", DataType.Float).SequenceOutput("y", DataType.Float);
        m.Graph.Node("SequenceMap", ["s1", "s2"], ["y"]).Attr("body", body);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>
        {
            ["s1"] = SequenceTestData.Floats("s1", [2], [2]),
            ["s2"] = SequenceTestData.Floats("s2", [2]),
        }));
        Assert.Contains("sequence input 1 has 1 items but input 0 has 2", e.Message);
    }
}

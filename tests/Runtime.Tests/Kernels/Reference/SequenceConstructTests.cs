using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SequenceConstructTests
{
    [Fact]
    public void Tensors_of_different_shapes_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("a", DataType.Float, null).Input("b", DataType.Float, null).Input("c", DataType.Float, null).SequenceOutput("y", DataType.Float);
        m.Graph.Node("SequenceConstruct", ["a", "b", "c"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["a"] = OpTester.Random("a", [2, 3], 1),
            ["b"] = OpTester.Random("b", [], 2),
            ["c"] = OpTester.Random("c", [0, 4], 3),
        });
    }

    [Fact]
    public void Strings_and_a_type_mismatch()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("a", DataType.String, null).SequenceOutput("y", DataType.String);
        m.Graph.Node("SequenceConstruct", ["a", "a"], ["y"]);
        var a = new Tensor("a");
        a.Allocate(DataType.String, [2]);
        a.Strings[0] = "x";
        a.Strings[1] = "yz";
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["a"] = a });

        var mixed = new OnnxModelBuilder(11);
        mixed.Graph.Input("a", DataType.Float, null).Input("b", DataType.Int64, null).SequenceOutput("y", DataType.Float);
        mixed.Graph.Node("SequenceConstruct", ["a", "b"], ["y"]);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(mixed.ToBytes(), new Dictionary<string, Tensor>
        {
            ["a"] = OpTester.Random("a", [1], 1),
            ["b"] = OpTester.Make("b", DataType.Int64, [1], 1L),
        }));
        Assert.Contains("input 1 is int64 but input 0 is float32", e.Message);
    }
}

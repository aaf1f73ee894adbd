using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Optional, OptionalHasElement and OptionalGetElement together (ONNX Runtime's .NET API
/// cannot pass optional values in or out, and the conformance data covers empty optionals).</summary>
public class OptionalTests
{
    [Theory]
    [InlineData(15)]
    [InlineData(18)]
    public void A_wrapped_tensor_has_an_element_that_comes_back_unchanged(int opset)
    {
        var m = new OnnxModelBuilder(opset);
        m.Graph.Input("x", DataType.Float, 2, 2).Output("has", DataType.Bool).Output("y", DataType.Float, 2, 2);
        m.Graph.Node("Optional", ["x"], ["opt"]);
        m.Graph.Node("OptionalHasElement", ["opt"], ["has"]);
        m.Graph.Node("OptionalGetElement", ["opt"], ["y"]);
        var x = OpTester.Random("x", [2, 2], 1);
        var outputs = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x });
        Assert.Equal(1, outputs[0].ReadOnlySpan<byte>()[0]);
        RecurrentTestData.AssertClose(x, outputs[1], 0, 0);
    }

    [Fact]
    public void A_wrapped_sequence_comes_back_as_a_sequence()
    {
        var m = new OnnxModelBuilder(18);
        m.Graph.SequenceInput("s", DataType.Float).Output("has", DataType.Bool).SequenceOutput("y", DataType.Float);
        m.Graph.Node("Optional", ["s"], ["opt"]);
        m.Graph.Node("OptionalHasElement", ["opt"], ["has"]);
        m.Graph.Node("OptionalGetElement", ["opt"], ["y"]);
        var s = SequenceTestData.Floats("s", [3], [1, 2]);
        var outputs = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["s"] = s });
        Assert.Equal(1, outputs[0].ReadOnlySpan<byte>()[0]);
        RecurrentTestData.AssertClose(s, outputs[1], 0, 0);
    }
}

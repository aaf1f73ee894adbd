using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>OptionalGetElement on optionals is tested with Optional (OptionalTests); here, plain inputs.</summary>
public class OptionalGetElementTests
{
    [Fact]
    public void From_opset_18_plain_tensors_pass_and_an_omitted_input_has_no_element()
    {
        var m = new OnnxModelBuilder(18);
        m.Graph.Input("x", DataType.Int64, 3).Output("has_x", DataType.Bool).Output("has_none", DataType.Bool).Output("y", DataType.Int64, 3);
        m.Graph.Node("OptionalHasElement", ["x"], ["has_x"]);
        m.Graph.Node("OptionalHasElement", [], ["has_none"]);
        m.Graph.Node("OptionalGetElement", ["x"], ["y"]);
        var x = OpTester.Make("x", DataType.Int64, [3], 4L, 5L, 6L);
        var outputs = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x });
        Assert.Equal(1, outputs[0].ReadOnlySpan<byte>()[0]);
        Assert.Equal(0, outputs[1].ReadOnlySpan<byte>()[0]);
        Assert.Equal(0, outputs[1].Rank);
        Assert.Equal([4L, 5L, 6L], outputs[2].ReadOnlySpan<long>().ToArray());
    }
}

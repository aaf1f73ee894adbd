using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>OptionalHasElement on optionals is tested with Optional (OptionalTests); here, its input rules.</summary>
public class OptionalHasElementTests
{
    [Fact]
    public void Before_opset_18_has_element_needs_an_input()
    {
        var m = new OnnxModelBuilder(15);
        m.Graph.Output("has", DataType.Bool);
        m.Graph.Node("OptionalHasElement", [], ["has"]);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>()));
        Assert.Contains("needs an input before opset 18", e.Message);
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SequenceEmptyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.String)]
    public void Is_an_empty_sequence_of_dtype(DataType? dtype)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceOutput("y", dtype ?? DataType.Float);
        var node = m.Graph.Node("SequenceEmpty", [], ["y"]);
        if (dtype is { } t) node.Attr("dtype", (long)t);
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>())[0];
        Assert.Equal(ValueKind.Sequence, y.Kind);
        Assert.Empty(y.Items);
        Assert.Equal(dtype ?? DataType.Float, y.Type);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>());
    }
}

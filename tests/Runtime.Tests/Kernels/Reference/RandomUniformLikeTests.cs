using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RandomUniformLikeTests
{
    [Theory]
    [InlineData(DataType.Float, null)]
    [InlineData(DataType.Double, null)]
    [InlineData(DataType.Int64, DataType.Double)]
    public void Seeded_stream_with_the_input_shape_matches_onnx_runtime(DataType inputType, DataType? dtype)
    {
        var m = new OnnxModelBuilder(21);
        m.Graph.Input("x", inputType, 2, 3).Output("y", dtype ?? inputType, null);
        var node = m.Graph.Node("RandomUniformLike", ["x"], ["y"]).Attr("seed", 9f).Attr("low", 10f).Attr("high", 11f);
        if (dtype is { } t) node.Attr("dtype", (long)t);
        var x = new Tensor("x");
        x.Allocate(inputType, [2, 3]);
        RandomTestData.AssertSameStreamAsOrt(m, new Dictionary<string, Tensor> { ["x"] = x });
    }

    [Fact]
    public void An_integer_input_without_dtype_is_a_clear_error()
    {
        var m = new OnnxModelBuilder(22);
        m.Graph.Input("x", DataType.Int32, 2).Output("y", DataType.Float, null);
        m.Graph.Node("RandomUniformLike", ["x"], ["y"]);
        var e = Assert.Throws<EdgeMLException>(() => RandomTestData.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = OpTester.Make("x", DataType.Int32, [2], 1, 2) }, 1));
        Assert.Contains("give a float dtype", e.Message);
    }
}

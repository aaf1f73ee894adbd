using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RandomNormalLikeTests
{
    [Theory]
    [InlineData(DataType.Float, null)]
    [InlineData(DataType.Float, DataType.Double)]
    public void Seeded_stream_with_the_input_shape_matches_onnx_runtime(DataType inputType, DataType? dtype)
    {
        var m = new OnnxModelBuilder(21);
        m.Graph.Input("x", inputType, 4, 2).Output("y", dtype ?? inputType, null);
        var node = m.Graph.Node("RandomNormalLike", ["x"], ["y"]).Attr("seed", 17f).Attr("mean", -1f).Attr("scale", 2f);
        if (dtype is { } t) node.Attr("dtype", (long)t);
        RandomTestData.AssertSameStreamAsOrt(m, new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [4, 2], 1) }, 1e-5, 1e-6);
    }

    [Fact]
    public void Float16_input_gives_float16_output_of_its_shape()
    {
        var m = new OnnxModelBuilder(22);
        m.Graph.Input("x", DataType.Float16, 3, 1, 2).Output("y", DataType.Float16, null);
        m.Graph.Node("RandomNormalLike", ["x"], ["y"]).Attr("seed", 1f);
        var x = new Tensor("x");
        x.Allocate(DataType.Float16, [3, 1, 2]);
        var y = RandomTestData.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x }, 1)[0];
        Assert.Equal(DataType.Float16, y.Type);
        Assert.Equal([3L, 1L, 2L], y.Shape.ToArray());
        Assert.True(RandomTestData.Values(y).Distinct().Count() > 4);
    }
}

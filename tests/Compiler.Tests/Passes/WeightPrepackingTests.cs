using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Tests.Passes;

public class WeightPrepackingTests
{
    private static OnnxModelBuilder Model()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 1, 6, 7, 7).Output("y", DataType.Float, null);
        m.Graph.Initializer("w1", PassTesting.Random(10 * 3 * 3 * 3, 2), 10, 3, 3, 3);
        m.Graph.Initializer("w2", PassTesting.Random(10 * 1 * 3 * 3, 3), 10, 1, 3, 3);
        m.Graph.Initializer("w3", PassTesting.Random(5 * 13, 4), 5, 13);
        m.Graph.Node("Conv", ["x", "w1"], ["a"]).Attr("group", 2L);
        m.Graph.Node("Conv", ["a", "w2"], ["b"]).Attr("group", 10L).Attr("pads", new long[] { 1, 1, 1, 1 });
        m.Graph.Node("MatMul", ["b", "w3"], ["y"]);
        return m;
    }

    [Fact]
    public void Packs_grouped_conv_and_matmul_weights_but_not_depthwise()
    {
        var ir = PassTesting.Probed(Model());
        PassTesting.Run(new ActivationFusion(), ir);
        Assert.True(PassTesting.Run(new WeightPrepacking(), ir));
        var nodes = ir.Graph.Nodes;
        Assert.Equal(["ai.edgeml.FusedConv", "ai.edgeml.FusedConv", "ai.edgeml.FusedMatMul"], PassTesting.Ops(ir));
        Assert.Equal(1, nodes[0].Attribute("packed")!.Payload.Int);
        Assert.Equal(10, nodes[0].Attribute("output_channels")!.Payload.Int);
        Assert.Equal(2 * PackedWeights.PackedASize(5, 27), nodes[0].Inputs[1]!.Constant!.ElementCount);
        Assert.Null(nodes[1].Attribute("packed"));
        Assert.Equal(1, nodes[2].Attribute("packed")!.Payload.Int);
        Assert.Equal(PackedWeights.PackedBSize(5, 13), nodes[2].Inputs[1]!.Constant!.ElementCount);
        Assert.False(PassTesting.Run(new WeightPrepacking(), ir));
        PassTesting.AssertSameResults(Model(), PassTesting.Input("x", [1, 6, 7, 7]));
    }
}

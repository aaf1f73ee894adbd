using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Compiler.Tests.Passes;

public class ActivationFusionTests
{
    private static OnnxModelBuilder ConvResidualRelu(string activation, bool convIsOutput = false)
    {
        var m = new OnnxModelBuilder(14);
        m.Graph.Input("x", DataType.Float, 1, 4, 6, 5).Input("z", DataType.Float, 1, 6, 6, 5).Output("y", DataType.Float, null);
        if (convIsOutput) m.Graph.Output("c", DataType.Float, null);
        m.Graph.Initializer("w", PassTesting.Random(6 * 4 * 3 * 3, 2), 6, 4, 3, 3).Initializer("b", PassTesting.Random(6, 3), 6);
        m.Graph.Initializer("lo", [-0.5f]).Initializer("hi", [0.5f]);
        m.Graph.Node("Conv", ["x", "w", "b"], ["c"]).Attr("pads", new long[] { 1, 1, 1, 1 });
        m.Graph.Node("Add", ["z", "c"], ["s"]);
        if (activation == "Clip") m.Graph.Node("Clip", ["s", "lo", "hi"], ["y"]);
        else if (activation == "LeakyRelu") m.Graph.Node("LeakyRelu", ["s"], ["y"]).Attr("alpha", 0.2f);
        else m.Graph.Node(activation, ["s"], ["y"]);
        return m;
    }

    private static Dictionary<string, Tensor> ConvInputs() => new() { ["x"] = OpTester.Random("x", [1, 4, 6, 5], 1), ["z"] = OpTester.Random("z", [1, 6, 6, 5], 2) };

    [Theory]
    [InlineData("Relu")]
    [InlineData("Clip")]
    [InlineData("LeakyRelu")]
    [InlineData("Sigmoid")]
    [InlineData("HardSwish")]
    public void Conv_residual_and_activation_become_one_fused_conv(string activation)
    {
        var ir = PassTesting.Probed(ConvResidualRelu(activation));
        Assert.True(PassTesting.Run(new ActivationFusion(), ir));
        Assert.Equal(["ai.edgeml.FusedConv"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(ConvResidualRelu(activation), ConvInputs());
    }

    private static OnnxModelBuilder ConvLeakyMax(bool constantFirst, long[] floorShape)
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 1, 4, 6, 5).Output("y", DataType.Float, null);
        m.Graph.Initializer("w", PassTesting.Random(6 * 4 * 3 * 3, 2), 6, 4, 3, 3).Initializer("b", PassTesting.Random(6, 3), 6);
        long count = floorShape.Aggregate(1L, (a, d) => a * d);
        m.Graph.Initializer("floor", Enumerable.Range(0, (int)count).Select(i => -0.1f * (i + 1)).ToArray(), floorShape);
        m.Graph.Node("Conv", ["x", "w", "b"], ["c"]).Attr("pads", new long[] { 1, 0, 1, 0 });
        m.Graph.Node("LeakyRelu", ["c"], ["l"]).Attr("alpha", 0.2f);
        m.Graph.Node("Max", constantFirst ? ["floor", "l"] : ["l", "floor"], ["y"]);
        return m;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LeakyRelu_then_Max_with_a_scalar_becomes_LeakyReluMax(bool constantFirst)
    {
        var ir = PassTesting.Probed(ConvLeakyMax(constantFirst, [1, 1, 1, 1]));
        Assert.True(PassTesting.Run(new ActivationFusion(), ir));
        Assert.Equal(["ai.edgeml.FusedConv"], PassTesting.Ops(ir));
        var inputs = new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [1, 4, 6, 5], 1) };
        PassTesting.AssertSameResults(ConvLeakyMax(constantFirst, [1, 1, 1, 1]), inputs);
        // A per-channel floor is not a scalar: the Max stays.
        ir = PassTesting.Probed(ConvLeakyMax(constantFirst, [6, 1, 1]));
        Assert.True(PassTesting.Run(new ActivationFusion(), ir));
        Assert.Equal(["ai.edgeml.FusedConv", "Max"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(ConvLeakyMax(constantFirst, [6, 1, 1]), inputs);
    }

    [Fact]
    public void A_conv_output_the_graph_returns_is_not_absorbed()
    {
        var ir = PassTesting.Probed(ConvResidualRelu("Relu", convIsOutput: true));
        Assert.True(PassTesting.Run(new ActivationFusion(), ir));
        Assert.Equal(["ai.edgeml.FusedConv", "Add", "Relu"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(ConvResidualRelu("Relu", convIsOutput: true), ConvInputs());
    }

    private static OnnxModelBuilder MatMulBiasSigmoid()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 2, 5, 33).Output("y", DataType.Float, null);
        m.Graph.Initializer("w", PassTesting.Random(33 * 19, 2), 33, 19).Initializer("bias", PassTesting.Random(19, 3), 19);
        m.Graph.Node("MatMul", ["x", "w"], ["p"]);
        m.Graph.Node("Add", ["p", "bias"], ["s"]);
        m.Graph.Node("Sigmoid", ["s"], ["y"]);
        return m;
    }

    [Fact]
    public void MatMul_bias_and_activation_become_one_fused_matmul()
    {
        var ir = PassTesting.Probed(MatMulBiasSigmoid());
        Assert.True(PassTesting.Run(new ActivationFusion(), ir));
        Assert.Equal(["ai.edgeml.FusedMatMul"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(MatMulBiasSigmoid(), PassTesting.Input("x", [2, 5, 33]));
    }

    private static OnnxModelBuilder GemmLeaky(float alpha)
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 3, 40).Output("y", DataType.Float, null);
        m.Graph.Initializer("w", PassTesting.Random(17 * 40, 2), 17, 40).Initializer("c", PassTesting.Random(17, 3), 17);
        m.Graph.Node("Gemm", ["x", "w", "c"], ["g"]).Attr("transB", 1L).Attr("beta", 0.5f).Attr("alpha", alpha);
        m.Graph.Node("LeakyRelu", ["g"], ["y"]).Attr("alpha", 0.1f);
        return m;
    }

    [Fact]
    public void Gemm_with_transposed_weights_becomes_a_fused_matmul()
    {
        var ir = PassTesting.Probed(GemmLeaky(1f));
        Assert.True(PassTesting.Run(new ActivationFusion(), ir));
        Assert.Equal(["ai.edgeml.FusedMatMul"], PassTesting.Ops(ir));
        PassTesting.AssertSameResults(GemmLeaky(1f), PassTesting.Input("x", [3, 40]));
    }

    [Fact]
    public void Gemm_with_alpha_stays()
    {
        var ir = PassTesting.Probed(GemmLeaky(2f));
        Assert.False(PassTesting.Run(new ActivationFusion(), ir));
        Assert.Equal(["Gemm", "LeakyRelu"], PassTesting.Ops(ir));
    }

    /// <summary>An If whose branches both convolve: the branch the shape probe does not take still
    /// fuses (Conv's X has W's type), and the model computes the same either way.</summary>
    private static OnnxModelBuilder BranchedConv()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 1, 3, 6, 6).Input("flag", DataType.Bool).Output("y", DataType.Float, null);
        m.Graph.Initializer("w", PassTesting.Random(4 * 3 * 3 * 3, 2), 4, 3, 3, 3);
        OnnxGraphBuilder Branch(string name, string activation)
        {
            var g = new OnnxGraphBuilder(name);
            g.Output(name + "_y", DataType.Float, null);
            g.Node("Conv", ["x", "w"], [name + "_c"], name: name + "_conv").Attr("pads", new long[] { 1, 1, 1, 1 });
            g.Node(activation, [name + "_c"], [name + "_y"], name: name + "_act");
            return g;
        }
        m.Graph.Node("If", ["flag"], ["y"]).Attr("then_branch", Branch("then", "Relu")).Attr("else_branch", Branch("else", "Sigmoid"));
        return m;
    }

    [Fact]
    public void Convolutions_in_branches_the_probe_skips_fuse_too()
    {
        var ir = PassTesting.Probed(BranchedConv());
        Assert.True(PassTesting.Run(new ActivationFusion(), ir));
        var branches = ir.Graph.Nodes[0].Subgraphs.ToList();
        Assert.Equal(2, branches.Count);
        foreach (var b in branches) Assert.Equal(["FusedConv"], b.Nodes.Select(n => n.OpType));
        foreach (bool flag in new[] { true, false })
        {
            var inputs = PassTesting.Input("x", [1, 3, 6, 6]);
            inputs["flag"] = OpTester.Make<bool>("flag", DataType.Bool, [], flag);
            PassTesting.AssertSameResults(BranchedConv(), inputs);
        }
    }
}

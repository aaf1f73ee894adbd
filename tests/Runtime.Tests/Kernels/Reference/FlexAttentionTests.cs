using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class FlexAttentionTests
{
    /// <summary>ONNX Runtime has no FlexAttention: Softmax(Q · Kᵀ · scale (+ bias)) · V written out
    /// is the oracle; the score_mod subgraph adds the same bias.</summary>
    private static OnnxModelBuilder Composition(Tensor q, Tensor k, Tensor v, float scale, bool bias)
    {
        var m = new OnnxModelBuilder(13).WithInputs([q, k, v]);
        m.Graph.Output("y", q.Type, null);
        m.Graph.Initializer("scale", q.Type == DataType.Double ? EdgeML.Runtime.Model.ConstantTensor.From<double>(q.Type, [], [scale]) : EdgeML.Runtime.Model.ConstantTensor.From<float>(q.Type, [], [scale]));
        m.Graph.Initializer("bias", q.Type == DataType.Double ? EdgeML.Runtime.Model.ConstantTensor.From<double>(q.Type, [], [0.25]) : EdgeML.Runtime.Model.ConstantTensor.From<float>(q.Type, [], [0.25f]));
        m.Graph.Node("Transpose", ["k"], ["kt"]).Attr("perm", new long[] { 0, 1, 3, 2 });
        m.Graph.Node("MatMul", ["q", "kt"], ["qk"]);
        m.Graph.Node("Mul", ["qk", "scale"], [bias ? "scores" : "modded"]);
        if (bias) m.Graph.Node("Add", ["scores", "bias"], ["modded"]);
        m.Graph.Node("Softmax", ["modded"], ["probs"]).Attr("axis", -1L);
        m.Graph.Node("MatMul", ["probs", "v"], ["y"]);
        return m;
    }

    [Theory]
    [InlineData(DataType.Float, false)]
    [InlineData(DataType.Float, true)]
    [InlineData(DataType.Double, false)]
    public void Matches_softmax_attention_in_onnx_runtime(DataType type, bool scoreMod)
    {
        var q = Random("q", [2, 2, 3, 8], 1, type: type);
        var k = Random("k", [2, 2, 5, 8], 2, type: type);
        var v = Random("v", [2, 2, 5, 6], 3, type: type);
        var model = NodeModel(26, "FlexAttention", [q, k, v], [new("y", type)], n =>
        {
            n.Attr("scale", 0.4f);
            if (!scoreMod) return;
            var g = new OnnxGraphBuilder("score_mod");
            g.Input("s", type == DataType.Double ? DataType.Double : DataType.Float, null).Output("t", type == DataType.Double ? DataType.Double : DataType.Float, null);
            g.Initializer("c", EdgeML.Runtime.Model.ConstantTensor.From<float>(DataType.Float, [], [0.25f]));
            g.Node("Add", ["s", "c"], ["t"]);
            n.Attr("score_mod", g);
        }, "ai.onnx.preview");
        MatchesOrtComposition(model, Composition(q, k, v, 0.4f, scoreMod), [q, k, v]);
    }
}

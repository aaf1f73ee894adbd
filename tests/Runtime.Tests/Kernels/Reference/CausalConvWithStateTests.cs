using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CausalConvWithStateTests
{
    /// <summary>ONNX Runtime has no CausalConvWithState: Concat(past, x) → depthwise Conv (→ SiLU),
    /// and the last k − 1 positions of the concatenation, is the oracle.</summary>
    private static OnnxModelBuilder Composition(Tensor x, Tensor w, Tensor? b, Tensor past, bool silu)
    {
        long channels = x.Dim(1), length = x.Dim(2), k = w.Dim(2);
        var m = new OnnxModelBuilder(13).WithInputs([x, w, b, past]);
        m.Graph.Output("y", x.Type, null).Output("state", x.Type, null);
        m.Graph.Initializer("starts", [length], 1).Initializer("ends", [length + k - 1], 1).Initializer("axes", [2L], 1);
        m.Graph.Node("Concat", ["past", "x"], ["sequence"]).Attr("axis", 2L);
        m.Graph.Node("Conv", b == null ? ["sequence", "w"] : ["sequence", "w", "b"], [silu ? "conv" : "y"]).Attr("group", channels);
        if (silu)
        {
            m.Graph.Node("Sigmoid", ["conv"], ["gate"]);
            m.Graph.Node("Mul", ["conv", "gate"], ["y"]);
        }
        m.Graph.Node("Slice", ["sequence", "starts", "ends", "axes"], ["state"]);
        return m;
    }

    [Theory]
    [InlineData(DataType.Float, 4, 7, true, "none")]
    [InlineData(DataType.Float, 3, 1, false, "silu")]
    [InlineData(DataType.Float, 5, 2, true, "swish")]
    [InlineData(DataType.Float, 4, 6, true, "silu")]
    public void Matches_concat_conv_slice_in_onnx_runtime(DataType type, long k, long length, bool bias, string activation)
    {
        var x = Random("x", [2, 3, length], 1, -2, 2, type);
        var w = Random("w", [3, 1, k], 2, -1, 1, type);
        var b = bias ? Random("b", [3], 3, -1, 1, type) : null;
        var past = Random("past", [2, 3, k - 1], 4, -2, 2, type);
        var model = NodeModel(27, "CausalConvWithState", [x, w, b, past], [new("y", type), new("state", type)], n => n.Attr("activation", activation));
        MatchesOrtComposition(model, Composition(x, w, b, past, activation != "none"), [x, w, b, past]);
    }
}

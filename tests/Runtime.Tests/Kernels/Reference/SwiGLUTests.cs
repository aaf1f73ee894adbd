using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SwiGLUTests
{
    /// <summary>ONNX Runtime has no SwiGLU: A · Sigmoid(alpha · A) · B written out is the oracle.</summary>
    private static OnnxModelBuilder Composition(Tensor a, Tensor b, float alpha)
    {
        var m = new OnnxModelBuilder(13).WithInputs([a, b]);
        m.Graph.Output("y", a.Type, null);
        m.Graph.Initializer("alpha", ConstantOf(a.Type, alpha));
        m.Graph.Node("Mul", ["a", "alpha"], ["scaled"]);
        m.Graph.Node("Sigmoid", ["scaled"], ["gate"]);
        m.Graph.Node("Mul", ["a", "gate"], ["swish"]);
        m.Graph.Node("Mul", ["swish", "b"], ["y"]);
        return m;
    }

    private static EdgeML.Runtime.Model.ConstantTensor ConstantOf(DataType type, float value) => type == DataType.Double
        ? EdgeML.Runtime.Model.ConstantTensor.From<double>(type, [], [value])
        : EdgeML.Runtime.Model.ConstantTensor.From<float>(type, [], [value]);

    [Theory]
    [InlineData(DataType.Float, 1f)]
    [InlineData(DataType.Float, 1.702f)]
    [InlineData(DataType.Double, 0.5f)]
    public void Matches_the_swish_gated_product_in_onnx_runtime(DataType type, float alpha)
    {
        var a = Random("a", [3, 4, 5], 1, -4, 4, type);
        var b = Random("b", [3, 4, 5], 2, -2, 2, type);
        var model = NodeModel(28, "SwiGLU", [a, b], [new("y", type)], n => n.Attr("alpha", alpha));
        MatchesOrtComposition(model, Composition(a, b, alpha), [a, b]);
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

/// <summary>Single-operator ai.onnx.ml models for the kernel tests.</summary>
internal static class MlModel
{
    public static (OnnxModelBuilder Model, OnnxNodeBuilder Node) Single(string op, int mlOpset, Action<OnnxGraphBuilder> io, string[] inputs, string[] outputs, int onnxOpset = 17)
    {
        var m = new OnnxModelBuilder(onnxOpset).Opset("ai.onnx.ml", mlOpset);
        io(m.Graph);
        var n = m.Graph.Node(op, inputs, outputs, domain: "ai.onnx.ml");
        return (m, n);
    }

    public static Dictionary<string, Tensor> X(Tensor x) => new() { ["X"] = x };

    public static Tensor Floats(long[] shape, int seed, float lo = -2, float hi = 2) => OpTester.Random("X", shape, seed, lo, hi);

    public static Tensor Strings(string name, long[] shape, params string[] values)
    {
        var t = new Tensor(name);
        t.Allocate(DataType.String, shape);
        values.CopyTo(t.Strings);
        return t;
    }
}

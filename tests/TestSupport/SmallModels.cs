using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;

namespace EdgeML.TestSupport;

/// <summary>Small models built in code for tests of the format, the session and the CLI.</summary>
public static class SmallModels
{
    /// <summary>y = relu(x * w + b) with a symbolic batch dimension: x [N,4], w [4] and b [4] constants.</summary>
    public static OnnxModelBuilder AffineRelu()
    {
        var m = new OnnxModelBuilder(14);
        m.Graph.Input("x", DataType.Float, "N", 4).Output("y", DataType.Float, "N", 4);
        m.Graph.Initializer("w", [0.5f, -1f, 2f, 1.5f], 4).Initializer("b", [0.1f, 0.2f, -0.3f, 0f], 4);
        m.Graph.Node("Mul", ["x", "w"], ["xw"]);
        m.Graph.Node("Add", ["xw", "b"], ["z"]);
        m.Graph.Node("Relu", ["z"], ["y"]);
        return m;
    }

    /// <summary>The .edgeml bytes of <paramref name="model"/>.</summary>
    public static byte[] Compile(OnnxModelBuilder model, Dictionary<string, long>? dims = null)
        => ModelCompiler.Compile(OnnxImporter.Load(model.ToBytes(), null), new CompileOptions { Dims = dims ?? new() }).Bytes;
}

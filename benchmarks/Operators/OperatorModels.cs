using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Benchmarks.Operators;

/// <summary>One-operator ONNX models with the shapes the shared vision and audio models spend their time in.</summary>
public static class OperatorModels
{
    public static readonly string[] Names = ["matmul_256", "conv3x3_32x56x56", "pointwise_64x56x56", "depthwise3x3_64x56x56", "conv5x5s2_3x128x128"];

    public static (OnnxModelBuilder Model, long[] InputShape) Create(string name) => name switch
    {
        "matmul_256" => (MatMul(256, 256, 256), [256, 256]),
        "conv3x3_32x56x56" => (Conv(32, 32, 56, 3, 1, 1), [1, 32, 56, 56]),
        "pointwise_64x56x56" => (Conv(64, 64, 56, 1, 1, 1), [1, 64, 56, 56]),
        "depthwise3x3_64x56x56" => (Conv(64, 64, 56, 3, 1, 64), [1, 64, 56, 56]),
        "conv5x5s2_3x128x128" => (Conv(3, 24, 128, 5, 2, 1), [1, 3, 128, 128]),
        _ => throw new ArgumentException($"unknown benchmark model {name}"),
    };

    private static OnnxModelBuilder MatMul(int m, int k, int n)
    {
        var model = new OnnxModelBuilder(17);
        model.Graph.Input("x", DataType.Float, m, k).Output("y", DataType.Float, m, n);
        model.Graph.Initializer("w", Values(k * n, 1), k, n);
        model.Graph.Node("MatMul", ["x", "w"], ["y"]);
        return model;
    }

    private static OnnxModelBuilder Conv(int channels, int maps, int size, int kernel, int stride, int group)
    {
        int pad = kernel / 2;
        int outSize = (size + 2 * pad - kernel) / stride + 1;
        var model = new OnnxModelBuilder(17);
        model.Graph.Input("x", DataType.Float, 1, channels, size, size).Output("y", DataType.Float, 1, maps, outSize, outSize);
        model.Graph.Initializer("w", Values(maps * channels / group * kernel * kernel, 2), maps, channels / group, kernel, kernel);
        model.Graph.Initializer("b", Values(maps, 3), maps);
        model.Graph.Node("Conv", ["x", "w", "b"], ["c"])
            .Attr("pads", new long[] { pad, pad, pad, pad }).Attr("strides", new long[] { stride, stride }).Attr("group", (long)group);
        model.Graph.Node("Relu", ["c"], ["y"]);
        return model;
    }

    public static float[] Values(int count, int seed)
    {
        var rng = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(rng.NextDouble() * 2 - 1);
        return values;
    }
}

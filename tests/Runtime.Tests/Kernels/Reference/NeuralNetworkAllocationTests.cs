using EdgeML.TestSupport;
using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Every neural-network kernel, on the paths the shared models do not reach (other types,
/// staged float16, optional outputs), runs without allocating once it has run with a shape.</summary>
public class NeuralNetworkAllocationTests
{
    private static readonly DataType F = DataType.Float, H = DataType.Float16;

    public static TheoryData<string> Cases => new(Models.Keys);

    private static readonly Dictionary<string, Func<(OnnxModelBuilder Model, Tensor?[] Inputs)>> Models = new()
    {
        ["Conv f16 grouped"] = () => Case(11, "Conv", [Random("x", [1, 4, 6, 6], 1, type: H), Random("w", [4, 2, 3, 3], 2, type: H)], [new("y", H)], n => n.Attr("group", 2L)),
        ["Conv tiled"] = () => Case(11, "Conv", [Random("x", [1, 64, 40, 40], 1), Random("w", [4, 64, 3, 3], 2)], [new("y", F)]),
        ["ConvTranspose"] = () => Case(11, "ConvTranspose", [Random("x", [1, 2, 4, 4], 1), Random("w", [2, 3, 3, 3], 2)], [new("y", F)], n => n.Attr("strides", new long[] { 2, 2 })),
        ["DeformConv"] = () => Case(19, "DeformConv", [Random("x", [1, 2, 5, 5], 1), Random("w", [2, 2, 2, 2], 2), Random("o", [1, 8, 4, 4], 3)], [new("y", F)]),
        ["MatMul f16 batched"] = () => Case(13, "MatMul", [Random("a", [2, 3, 4], 1, type: H), Random("b", [4, 5], 2, type: H)], [new("y", H)]),
        ["Gemm"] = () => Case(13, "Gemm", [Random("a", [3, 4], 1), Random("b", [5, 4], 2), Random("c", [5], 3)], [new("y", F)], n => n.Attr("transB", 1L)),
        ["MaxPool indices"] = () => Case(12, "MaxPool", [Random("x", [1, 2, 6, 6], 1)], [new("y", F), new("i", DataType.Int64)], n => n.Attr("kernel_shape", new long[] { 2, 2 })),
        ["AveragePool f16"] = () => Case(19, "AveragePool", [Random("x", [1, 2, 6, 6], 1, type: H)], [new("y", H)], n => n.Attr("kernel_shape", new long[] { 3, 3 }).Attr("pads", new long[] { 1, 1, 1, 1 })),
        ["LpPool"] = () => Case(18, "LpPool", [Random("x", [1, 2, 6, 6], 1)], [new("y", F)], n => n.Attr("kernel_shape", new long[] { 2, 2 })),
        ["GlobalLpPool"] = () => Case(2, "GlobalLpPool", [Random("x", [1, 2, 6, 6], 1)], [new("y", F)]),
        ["MaxUnpool"] = () => Case(11, "MaxUnpool", [Random("x", [1, 1, 2, 2], 1), Values("i", DataType.Int64, [1, 1, 2, 2], 0, 3, 9, 15)], [new("y", F)], n => n.Attr("kernel_shape", new long[] { 2, 2 }).Attr("strides", new long[] { 2, 2 })),
        ["MaxRoiPool"] = () => Case(1, "MaxRoiPool", [Random("x", [1, 2, 6, 6], 1), Values("r", F, [1, 5], 0, 0, 0, 4, 4)], [new("y", F)], n => n.Attr("pooled_shape", new long[] { 2, 2 })),
        ["RoiAlign"] = () => Case(16, "RoiAlign", [Random("x", [1, 2, 6, 6], 1), Values("r", F, [1, 4], 0, 0, 4, 4), Values("b", DataType.Int64, [1], 0)], [new("y", F)]),
        ["BatchNormalization training"] = () => Case(15, "BatchNormalization",
            [Random("x", [2, 3, 4], 1), Random("s", [3], 2), Random("b", [3], 3), Random("m", [3], 4), Random("v", [3], 5, 0.5, 1)],
            [new("y", F), new("rm", F), new("rv", F)], n => n.Attr("training_mode", 1L)),
        ["LayerNormalization statistics"] = () => Case(17, "LayerNormalization", [Random("x", [2, 3, 4], 1), Random("s", [4], 2), Random("b", [4], 3)], [new("y", F), new("m", F), new("i", F)]),
        ["RMSNormalization f16"] = () => Case(23, "RMSNormalization", [Random("x", [2, 3, 4], 1, type: H), Random("s", [4], 2, type: H)], [new("y", H)]),
        ["GroupNormalization"] = () => Case(21, "GroupNormalization", [Random("x", [1, 4, 3, 3], 1), Random("s", [4], 2), Random("b", [4], 3)], [new("y", F)], n => n.Attr("num_groups", 2L)),
        ["InstanceNormalization"] = () => Case(6, "InstanceNormalization", [Random("x", [1, 4, 3, 3], 1), Random("s", [4], 2), Random("b", [4], 3)], [new("y", F)]),
        ["MeanVarianceNormalization"] = () => Case(13, "MeanVarianceNormalization", [Random("x", [2, 3, 4, 4], 1)], [new("y", F)]),
        ["LRN"] = () => Case(13, "LRN", [Random("x", [1, 4, 3, 3], 1)], [new("y", F)], n => n.Attr("size", 3L)),
        ["LpNormalization"] = () => Case(1, "LpNormalization", [Random("x", [3, 4], 1)], [new("y", F)]),
        ["Softmax opset 1"] = () => Case(1, "Softmax", [Random("x", [2, 3, 4], 1)], [new("y", F)]),
        ["LogSoftmax f16"] = () => Case(13, "LogSoftmax", [Random("x", [2, 3, 4], 1, type: H)], [new("y", H)]),
        ["Hardmax"] = () => Case(13, "Hardmax", [Random("x", [2, 3, 4], 1)], [new("y", F)]),
        ["ReduceLogSumExp axes"] = () => Case(18, "ReduceLogSumExp", [Random("x", [2, 3, 4], 1), Values("a", DataType.Int64, [2], 0, 2)], [new("y", F)]),
        ["ReduceMean opset 1"] = () => Case(1, "ReduceMean", [Random("x", [2, 3, 4], 1)], [new("y", F)], n => n.Attr("axes", new long[] { 1 })),
        ["ReduceMax int32"] = () => Case(18, "ReduceMax", [Random("x", [2, 3, 4], 1, -9, 9, DataType.Int32)], [new("y", DataType.Int32)]),
        ["ArgMax"] = () => Case(13, "ArgMax", [Random("x", [2, 3, 4], 1)], [new("y", DataType.Int64)], n => n.Attr("axis", 1L)),
        ["Dropout training"] = () => Case(13, "Dropout", [Random("x", [2, 3], 1), Values("r", F, [], 0.5f), Values("t", DataType.Bool, [], 1)], [new("y", F), new("m", DataType.Bool)]),
        ["NegativeLogLikelihoodLoss"] = () => Case(13, "NegativeLogLikelihoodLoss", [Random("x", [3, 4], 1), Values("t", DataType.Int64, [3], 0, 3, 1)], [new("y", F)]),
        ["SoftmaxCrossEntropyLoss log_prob"] = () => Case(13, "SoftmaxCrossEntropyLoss", [Random("x", [3, 4], 1), Values("t", DataType.Int64, [3], 0, 3, 1)], [new("y", F), new("p", F)]),
        ["Attention f16 cache"] = () => Case(23, "Attention",
            [Random("q", [1, 2, 3, 4], 1, type: H), Random("k", [1, 2, 3, 4], 2, type: H), Random("v", [1, 2, 3, 4], 3, type: H), Random("m", [3, 5], 4, type: H),
             Random("pk", [1, 2, 2, 4], 5, type: H), Random("pv", [1, 2, 2, 4], 6, type: H)],
            [new("y", H), new("ok", H), new("ov", H), new("qk", H)]),
        ["RotaryEmbedding"] = () => Case(23, "RotaryEmbedding", [Random("x", [1, 2, 3, 4], 1), Random("c", [4, 2], 2), Random("s", [4, 2], 3), Values("p", DataType.Int64, [1, 3], 0, 1, 2)], [new("y", F)]),
        ["LinearAttention f16"] = () => Case(27, "LinearAttention",
            [Random("q", [1, 2, 4], 1, type: H), Random("k", [1, 2, 4], 2, type: H), Random("v", [1, 2, 4], 3, type: H), null, Random("d", [1, 2, 2], 4, -1, 0, H), Random("b", [1, 2, 2], 5, 0, 1, H)],
            [new("y", H), new("s", H)], n => n.Attr("q_num_heads", 2L).Attr("kv_num_heads", 2L)),
        ["CausalConvWithState"] = () => Case(27, "CausalConvWithState", [Random("x", [1, 2, 5], 1), Random("w", [2, 1, 3], 2)], [new("y", F), new("s", F)]),
        ["SwiGLU"] = () => Case(28, "SwiGLU", [Random("a", [2, 3], 1), Random("b", [2, 3], 2)], [new("y", F)]),
        ["FlexAttention"] = () => Case(26, "FlexAttention", [Random("q", [1, 2, 3, 4], 1), Random("k", [1, 2, 3, 4], 2), Random("v", [1, 2, 3, 4], 3)], [new("y", F)], null, "ai.onnx.preview"),
    };

    private static (OnnxModelBuilder, Tensor?[]) Case(int opset, string op, Tensor?[] inputs, Output[] outputs, Action<OnnxNodeBuilder>? attributes = null, string domain = "")
        => (NodeModel(opset, op, inputs, outputs, attributes, domain), inputs);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runs_without_allocating(string name)
    {
        var (builder, inputs) = Models[name]();
        var bytes = ModelCompiler.Compile(OnnxImporter.Load(builder.ToBytes(), null), new CompileOptions()).Bytes;
        using var model = EdgeMLModel.FromBytes(bytes);
        using var session = new InferenceSession(model);
        foreach (var t in inputs) if (t != null) session.Input(t.Name).CopyFrom(t);
        long allocated = AllocationMeter.SteadyStateBytes(session.Run);
        Assert.True(allocated == 0, $"{name}: {allocated} bytes allocated in two runs");
    }
}

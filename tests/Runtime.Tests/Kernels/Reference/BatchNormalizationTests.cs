using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class BatchNormalizationTests
{
    private static Tensor?[] Inputs(long[] x, long channels, int seed, DataType type = DataType.Float) =>
    [
        Random("x", x, seed, -2, 2, type), Random("scale", [channels], seed + 1, 0.5, 1.5, type), Random("b", [channels], seed + 2, -1, 1, type),
        Random("mean", [channels], seed + 3, -0.5, 0.5, type), Random("var", [channels], seed + 4, 0.1, 2, type),
    ];

    [Theory]
    [InlineData(9, new long[] { 2, 3, 4, 5 })]
    [InlineData(15, new long[] { 2, 3, 4, 5 })]
    [InlineData(15, new long[] { 3, 4 })]
    [InlineData(14, new long[] { 1, 2, 3, 2, 4 })]
    [InlineData(7, new long[] { 2, 3, 6 })]
    public void Inference_matches_onnx_runtime(int opset, long[] x)
        => MatchesOrt(opset, "BatchNormalization", Inputs(x, x[1], 1), [new("y", DataType.Float)], n => n.Attr("epsilon", 1e-3f));

    [Fact]
    public void Opset_6_is_test_equals_onnx_runtime_opset_9()
    {
        // ONNX Runtime no longer runs opset 6; its inference is opset 9's.
        var inputs = Inputs([2, 3, 4, 4], 3, 2);
        var expected = EdgeML.TestSupport.OpTester.RunOrt(NodeModel(9, "BatchNormalization", inputs, [new("y", DataType.Float)]).ToBytes(), Feed(inputs));
        var actual = EdgeML.TestSupport.OpTester.RunEdgeML(NodeModel(6, "BatchNormalization", inputs, [new("y", DataType.Float)], n => n.Attr("is_test", 1L)).ToBytes(), Feed(inputs));
        var r = EdgeML.Compiler.Verification.TensorComparison.Compare(actual[0], expected[0], 1e-4, 1e-5);
        Assert.True(r.Equal, r.Reason);
    }

    [Fact]
    public void Double_matches_onnx_runtime()
        => MatchesOrt(15, "BatchNormalization", Inputs([2, 3, 4, 5], 3, 3, DataType.Double), [new("y", DataType.Double)]);

    [Fact]
    public void Float16_matches_onnx_runtime_in_float()
        => MatchesOrtInFloat(DataType.Float16, 15, "BatchNormalization", Inputs([2, 3, 4, 5], 3, 4), [new("y", DataType.Float)], null, 2e-3, 2e-3);

    [Fact]
    public void Training_mode_uses_batch_statistics_and_updates_the_running_ones()
    {
        // ONNX Runtime's inference build has no training BatchNormalization: check the definition.
        var inputs = Inputs([2, 3, 2, 2], 3, 5);
        var model = NodeModel(15, "BatchNormalization", inputs, [new("y", DataType.Float), new("rm", DataType.Float), new("rv", DataType.Float)],
            n => n.Attr("training_mode", 1L).Attr("momentum", 0.8f).Attr("epsilon", 1e-5f));
        var outputs = EdgeML.TestSupport.OpTester.RunEdgeML(model.ToBytes(), Feed(inputs));
        var x = inputs[0]!.ReadOnlySpan<float>();
        for (int c = 0; c < 3; c++)
        {
            double sum = 0, squares = 0;
            for (int n = 0; n < 2; n++) for (int i = 0; i < 4; i++) sum += x[(n * 3 + c) * 4 + i];
            double mean = sum / 8;
            for (int n = 0; n < 2; n++) for (int i = 0; i < 4; i++) squares += Math.Pow(x[(n * 3 + c) * 4 + i] - mean, 2);
            double variance = squares / 8;
            double scale = inputs[1]!.ReadOnlySpan<float>()[c], bias = inputs[2]!.ReadOnlySpan<float>()[c];
            for (int n = 0; n < 2; n++)
                for (int i = 0; i < 4; i++)
                {
                    int k = (n * 3 + c) * 4 + i;
                    Assert.Equal((x[k] - mean) / Math.Sqrt(variance + 1e-5) * scale + bias, outputs[0].ReadOnlySpan<float>()[k], 4);
                }
            Assert.Equal(inputs[3]!.ReadOnlySpan<float>()[c] * 0.8 + mean * 0.2, outputs[1].ReadOnlySpan<float>()[c], 5);
            Assert.Equal(inputs[4]!.ReadOnlySpan<float>()[c] * 0.8 + variance * 0.2, outputs[2].ReadOnlySpan<float>()[c], 5);
        }
    }
}

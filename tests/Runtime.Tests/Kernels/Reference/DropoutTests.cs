using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class DropoutTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    public void Inference_copies_and_keeps_everything_like_onnx_runtime(int opset)
        => MatchesOrt(opset, "Dropout", [Random("x", [3, 4], opset)], [new("y", DataType.Float), new("mask", DataType.Bool)]);

    [Theory]
    [InlineData(7, DataType.Float)]
    [InlineData(10, DataType.Bool)]
    public void Older_opsets_copy_and_mark_every_element_kept(int opset, DataType maskType)
    {
        // ONNX Runtime returns an all-false mask here although nothing is dropped; the mask says
        // which elements were kept, so EdgeML's is all true (1.0 before opset 10).
        var x = Random("x", [3, 4], opset);
        MatchesOrt(opset, "Dropout", [x], [new("y", DataType.Float)]);
        var outputs = OpTester.RunEdgeML(NodeModel(opset, "Dropout", [x], [new("y", DataType.Float), new("mask", maskType)]).ToBytes(), Feed([x]));
        Assert.Equal(x.ReadOnlySpan<float>().ToArray(), outputs[0].ReadOnlySpan<float>().ToArray());
        Assert.Equal(maskType, outputs[1].Type);
        Assert.All(EdgeML.Compiler.Verification.TensorComparison.ToDoubles(outputs[1]), v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Training_mode_false_and_double_match_onnx_runtime()
    {
        var ratio = Values("r", DataType.Float, [], 0.3f);
        var training = Values("t", DataType.Bool, [], 0f);
        MatchesOrt(13, "Dropout", [Random("x", [2, 5], 1, type: DataType.Double), ratio, training], [new("y", DataType.Double), new("mask", DataType.Bool)]);
    }

    [Fact]
    public void Training_mode_keeps_scaled_values_where_the_mask_is_true()
    {
        var x = Random("x", [40, 50], 2, 1, 2);
        var ratio = Values("r", DataType.Float, [], 0.25f);
        var training = Values("t", DataType.Bool, [], 1f);
        var model = NodeModel(13, "Dropout", [x, ratio, training], [new("y", DataType.Float), new("mask", DataType.Bool)]).ToBytes();
        var first = OpTester.RunEdgeML(model, Feed([x, ratio, training]));
        var y = first[0].ReadOnlySpan<float>();
        var mask = first[1].ReadOnlySpan<byte>();
        int kept = 0;
        for (int i = 0; i < y.Length; i++)
        {
            float expected = mask[i] != 0 ? x.ReadOnlySpan<float>()[i] / 0.75f : 0f;
            Assert.True(Math.Abs(expected - y[i]) <= 1e-6 * Math.Abs(expected), $"element {i}: {y[i]}, expected {expected}");
            kept += mask[i];
        }
        // 2000 draws at p = 0.75: well inside ±5 standard deviations (≈ 97).
        Assert.InRange(kept, 1500 - 97, 1500 + 97);
    }

    [Fact]
    public void A_seed_makes_training_mode_repeatable()
    {
        var x = Random("x", [10, 10], 3);
        var ratio = Values("r", DataType.Float, [], 0.5f);
        var training = Values("t", DataType.Bool, [], 1f);
        var model = NodeModel(13, "Dropout", [x, ratio, training], [new("y", DataType.Float)], n => n.Attr("seed", 7L)).ToBytes();
        var a = OpTester.RunEdgeML(model, Feed([x, ratio, training]))[0].ReadOnlySpan<float>().ToArray();
        var b = OpTester.RunEdgeML(model, Feed([x, ratio, training]))[0].ReadOnlySpan<float>().ToArray();
        Assert.Equal(a, b);
        Assert.Contains(0f, a);
    }
}

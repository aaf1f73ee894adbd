using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LRNTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Odd_window_sizes_match_onnx_runtime(long size)
        => MatchesOrt(13, "LRN", [Random("x", [2, 5, 3, 4], (int)size, -2, 2)], [new("y", DataType.Float)],
            n => n.Attr("size", size).Attr("alpha", 0.01f).Attr("beta", 0.6f).Attr("bias", 2f));

    [Fact]
    public void Even_window_is_wider_after_the_channel()
    {
        // ONNX Runtime only takes odd sizes; the specification's window for size 4 is [c - 1, c + 2].
        var x = Random("x", [1, 5, 1, 2], 11, -2, 2);
        var y = EdgeML.TestSupport.OpTester.RunEdgeML(NodeModel(13, "LRN", [x], [new("y", DataType.Float)], n => n.Attr("size", 4L).Attr("alpha", 0.5f)).ToBytes(), Feed([x]))[0];
        var xs = x.ReadOnlySpan<float>();
        for (int c = 0; c < 5; c++)
            for (int i = 0; i < 2; i++)
            {
                double sum = 0;
                for (int k = Math.Max(0, c - 1); k <= Math.Min(4, c + 2); k++) sum += xs[k * 2 + i] * xs[k * 2 + i];
                Assert.Equal(xs[c * 2 + i] / Math.Pow(1 + 0.5 / 4 * sum, 0.75), y.ReadOnlySpan<float>()[c * 2 + i], 5);
            }
    }

    [Fact]
    public void Double_and_float16_match_onnx_runtime_in_float()
    {
        MatchesOrtInFloat(DataType.Double, 13, "LRN", [Random("x", [1, 4, 3, 3], 7)], [new("y", DataType.Float)], n => n.Attr("size", 3L), 1e-5, 1e-6);
        MatchesOrtInFloat(DataType.Float16, 13, "LRN", [Random("x", [1, 4, 3, 3], 8)], [new("y", DataType.Float)], n => n.Attr("size", 3L), 2e-3, 1e-3);
    }
}

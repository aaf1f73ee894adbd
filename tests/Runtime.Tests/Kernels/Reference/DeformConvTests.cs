using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class DeformConvTests
{
    /// <summary>With zero offsets and a constant mask m, a deformable convolution is m times an
    /// ordinary one: ONNX Runtime's Conv (then Mul) is the oracle.</summary>
    [Theory]
    [InlineData(1, 1, new long[] { 1, 1 }, new long[] { 0, 0, 0, 0 }, false)]
    [InlineData(2, 1, new long[] { 2, 1 }, new long[] { 1, 1, 1, 1 }, true)]
    [InlineData(1, 2, new long[] { 1, 2 }, new long[] { 1, 0, 0, 1 }, true)]
    public void Zero_offsets_match_convolution_in_onnx_runtime(long group, long offsetGroup, long[] strides, long[] pads, bool masked)
    {
        var x = Random("x", [2, 4, 7, 6], 1);
        var w = Random("w", [6, 4 / group, 3, 2], 2);
        var b = Random("b", [6], 3);
        long oh = (7 + pads[0] + pads[2] - 3) / strides[0] + 1, ow = (6 + pads[1] + pads[3] - 2) / strides[1] + 1;
        var offset = Values("offset", DataType.Float, [2, offsetGroup * 6 * 2, oh, ow], new float[2 * offsetGroup * 12 * oh * ow]);
        var mask = masked ? Values("mask", DataType.Float, [2, offsetGroup * 6, oh, ow], Enumerable.Repeat(0.5f, (int)(2 * offsetGroup * 6 * oh * ow)).ToArray()) : null;
        var model = NodeModel(19, "DeformConv", [x, w, offset, b, mask], [new("y", DataType.Float)],
            n => n.Attr("group", group).Attr("offset_group", offsetGroup).Attr("strides", strides).Attr("pads", pads));
        var conv = new OnnxModelBuilder(13).WithInputs([x, w, offset, b, mask]);
        conv.Graph.Output("y", DataType.Float, null);
        if (masked)
        {
            // Conv(x, w · 0.5) + b equals 0.5 · Conv(x, w) + b.
            conv.Graph.Initializer("half", [0.5f], 1);
            conv.Graph.Node("Mul", ["w", "half"], ["wm"]);
        }
        conv.Graph.Node("Conv", ["x", masked ? "wm" : "w", "b"], ["y"]).Attr("group", group).Attr("strides", strides).Attr("pads", pads);
        MatchesOrtComposition(model, conv, [x, w, offset, b, mask]);
    }

    [Fact]
    public void Integer_offsets_shift_the_sampling_points()
    {
        // Every tap displaced by (+1, −1) reads the input shifted by one row down and one column
        // left: the same as an ordinary convolution of that shifted input, padded with zeros.
        var x = Random("x", [1, 2, 6, 5], 4);
        var w = Random("w", [3, 2, 2, 2], 5);
        var offsets = new float[1 * 8 * 5 * 4];
        for (int tap = 0; tap < 4; tap++)
            for (int i = 0; i < 20; i++)
            {
                offsets[(tap * 2) * 20 + i] = 1;
                offsets[(tap * 2 + 1) * 20 + i] = -1;
            }
        var offset = Values("offset", DataType.Float, [1, 8, 5, 4], offsets);
        var y = EdgeML.TestSupport.OpTester.RunEdgeML(NodeModel(19, "DeformConv", [x, w, offset], [new("y", DataType.Float)]).ToBytes(), Feed([x, w, offset]))[0];
        var xs = x.ReadOnlySpan<float>();
        var ws = w.ReadOnlySpan<float>();
        for (int m = 0; m < 3; m++)
            for (int oh = 0; oh < 5; oh++)
                for (int ow = 0; ow < 4; ow++)
                {
                    double sum = 0;
                    for (int c = 0; c < 2; c++)
                        for (int kh = 0; kh < 2; kh++)
                            for (int kw = 0; kw < 2; kw++)
                            {
                                int ih = oh + kh + 1, iw = ow + kw - 1;
                                if (ih < 6 && iw >= 0) sum += ws[((m * 2 + c) * 2 + kh) * 2 + kw] * xs[(c * 6 + ih) * 5 + iw];
                            }
                    Assert.Equal(sum, y.ReadOnlySpan<float>()[(m * 5 + oh) * 4 + ow], 4);
                }
    }
}

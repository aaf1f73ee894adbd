using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Optimized;

/// <summary>The fast LSTM against the reference kernel for every CPU variant this machine runs:
/// directions, layouts, optional inputs and outputs, clip, input_forget, other activations.</summary>
public class LstmKernelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Lstm_matches_the_reference(int seed)
    {
        var rng = new Random(seed);
        for (int i = 0; i < 12; i++)
        {
            string direction = new[] { "forward", "reverse", "bidirectional" }[rng.Next(3)];
            int dirs = direction == "bidirectional" ? 2 : 1;
            int layout = rng.Next(2), seq = 1 + rng.Next(5), batch = 1 + rng.Next(3), input = 1 + rng.Next(20), hidden = 1 + rng.Next(20);
            bool bias = rng.Next(3) > 0, peep = rng.Next(3) == 0, initial = rng.Next(2) == 0, clip = rng.Next(4) == 0, forget = rng.Next(4) == 0, acts = rng.Next(4) == 0;
            long[] xShape = layout == 0 ? [seq, batch, input] : [batch, seq, input];
            long[] stateShape = layout == 0 ? [dirs, batch, hidden] : [batch, dirs, hidden];
            var m = new OnnxModelBuilder(14);
            m.Graph.Input("x", DataType.Float, xShape.Cast<object?>().ToArray());
            m.Graph.Initializer("w", OpTester.Random("w", [dirs, 4 * hidden, input], 2).ReadOnlySpan<float>().ToArray(), dirs, 4 * hidden, input);
            m.Graph.Initializer("r", OpTester.Random("r", [dirs, 4 * hidden, hidden], 3).ReadOnlySpan<float>().ToArray(), dirs, 4 * hidden, hidden);
            if (bias) m.Graph.Initializer("b", OpTester.Random("b", [dirs, 8 * hidden], 4).ReadOnlySpan<float>().ToArray(), dirs, 8 * hidden);
            if (peep) m.Graph.Initializer("p", OpTester.Random("p", [dirs, 3 * hidden], 5).ReadOnlySpan<float>().ToArray(), dirs, 3 * hidden);
            var inputs = new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", xShape, 1, -2, 2) };
            if (initial)
            {
                m.Graph.Input("h0", DataType.Float, stateShape.Cast<object?>().ToArray()).Input("c0", DataType.Float, stateShape.Cast<object?>().ToArray());
                inputs["h0"] = OpTester.Random("h0", stateShape, 6);
                inputs["c0"] = OpTester.Random("c0", stateShape, 7);
            }
            m.Graph.Output("y", DataType.Float, null).Output("yh", DataType.Float, null).Output("yc", DataType.Float, null);
            var node = m.Graph.Node("LSTM", ["x", "w", "r", bias ? "b" : "", "", initial ? "h0" : "", initial ? "c0" : "", peep ? "p" : ""], ["y", "yh", "yc"])
                .Attr("hidden_size", (long)hidden).Attr("direction", direction).Attr("layout", (long)layout);
            if (clip) node.Attr("clip", 0.7f);
            if (forget) node.Attr("input_forget", 1L);
            if (acts) node.Attr("activations", Enumerable.Repeat(new[] { "HardSigmoid", "LeakyRelu", "Tanh" }, dirs).SelectMany(a => a).ToArray());
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), inputs, 1e-5, 1e-5,
                $"LSTM {direction} layout {layout} seq {seq} batch {batch} input {input} hidden {hidden} bias={bias} peep={peep} initial={initial} clip={clip} forget={forget} acts={acts}");
        }
    }
}

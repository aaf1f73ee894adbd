using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Optimized;

/// <summary>The fast Conv and FusedConv (GEMM, im2col, pointwise and depthwise paths) against the
/// reference kernels, for every CPU variant this machine runs, over many odd geometries.</summary>
public class ConvKernelTests
{
    public sealed record Case(int Batch, int Channels, int Maps, int Group, int[] Input, int[] Kernel, int[] Stride, int[] Dilation, int[] Pads, string AutoPad, bool Bias, bool ConstantWeights)
    {
        public int Depth => Channels / Group * Kernel.Aggregate(1, (a, b) => a * b);
        public override string ToString() =>
            $"N{Batch} C{Channels} M{Maps} g{Group} in[{string.Join(",", Input)}] k[{string.Join(",", Kernel)}] s[{string.Join(",", Stride)}] d[{string.Join(",", Dilation)}] p[{string.Join(",", Pads)}] {AutoPad} bias={Bias} constW={ConstantWeights}";
    }

    /// <summary>Random geometries from a fixed seed: 1-D, 2-D and 3-D, groups, depthwise, strides,
    /// dilations, asymmetric pads and auto_pad, odd channel counts.</summary>
    public static IEnumerable<Case> Cases(int seed, int count)
    {
        var rng = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int rank = rng.Next(10) switch { 0 => 3, < 4 => 1, _ => 2 };
            int group = rng.Next(4) switch { 0 => 1, 1 => 2, 2 => 3, _ => 1 };
            bool depthwise = rng.Next(4) == 0;
            int cg = depthwise ? 1 : 1 + rng.Next(rank == 3 ? 4 : 9);
            int mg = depthwise ? 1 : 1 + rng.Next(rank == 3 ? 5 : 17);
            if (depthwise) group = 1 + rng.Next(19);
            var input = new int[rank];
            var kernel = new int[rank];
            var stride = new int[rank];
            var dilation = new int[rank];
            var pads = new int[2 * rank];
            for (int d = 0; d < rank; d++)
            {
                input[d] = 1 + rng.Next(rank == 3 ? 6 : rank == 2 ? 13 : 40);
                kernel[d] = 1 + rng.Next(Math.Min(5, input[d] + 1));
                stride[d] = 1 + rng.Next(3);
                dilation[d] = rng.Next(4) == 0 ? 2 : 1;
                pads[d] = rng.Next(3);
                pads[d + rank] = rng.Next(3);
                int extent = (kernel[d] - 1) * dilation[d] + 1;
                while (extent > input[d] + pads[d] + pads[d + rank])
                {
                    pads[d + rank]++;
                }
            }
            string autoPad = rng.Next(8) switch { 0 => "SAME_UPPER", 1 => "SAME_LOWER", 2 => "VALID", _ => "NOTSET" };
            if (autoPad == "VALID")
                for (int d = 0; d < rank; d++)
                    while ((kernel[d] - 1) * dilation[d] + 1 > input[d]) input[d]++;
            yield return new Case(1 + rng.Next(2), cg * group, mg * group, group, input, kernel, stride, dilation, pads, autoPad, rng.Next(3) > 0, rng.Next(5) > 0);
        }
    }

    public static TheoryData<int> Seeds => new(0, 1, 2, 3);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Conv_matches_the_reference_on_random_geometries(int seed)
    {
        foreach (var c in Cases(seed, 40)) RunConv(c);
    }

    [Fact]
    public void Pointwise_and_large_convolutions_match()
    {
        RunConv(new Case(1, 37, 71, 1, [9, 11], [1, 1], [1, 1], [1, 1], [0, 0, 0, 0], "NOTSET", true, true));
        RunConv(new Case(1, 300, 13, 1, [3, 5], [1, 1], [1, 1], [1, 1], [0, 0, 0, 0], "NOTSET", true, true));
        RunConv(new Case(1, 5, 20, 1, [34, 35], [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], "NOTSET", true, true));
        RunConv(new Case(1, 3, 24, 1, [40, 40], [5, 5], [2, 2], [1, 1], [1, 1, 2, 2], "NOTSET", true, true));
        RunConv(new Case(1, 1, 30, 1, [700], [64], [16], [1], [0, 0], "NOTSET", false, true));
        RunConv(new Case(1, 33, 33, 33, [23, 29], [5, 5], [1, 1], [1, 1], [2, 2, 2, 2], "NOTSET", true, true));
        RunConv(new Case(2, 17, 17, 17, [21, 19], [3, 3], [2, 2], [2, 1], [1, 0, 2, 1], "NOTSET", true, false));
        // Depthwise at model sizes: four-row blocks, rows wider than two vectors, tails of rows and columns.
        RunConv(new Case(1, 5, 5, 5, [64, 64], [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], "NOTSET", true, true));
        RunConv(new Case(1, 6, 6, 6, [16, 16], [3, 3], [2, 2], [1, 1], [0, 0, 1, 1], "NOTSET", true, true));
        RunConv(new Case(1, 3, 3, 3, [15, 75], [5, 3], [1, 2], [1, 2], [2, 0, 3, 1], "NOTSET", false, true));
        RunConv(new Case(1, 7, 7, 7, [2, 96], [5, 5], [1, 1], [1, 1], [2, 2, 2, 2], "NOTSET", true, true));
        RunConv(new Case(1, 5, 5, 5, [3, 70], [5, 5], [2, 1], [1, 1], [2, 2, 2, 2], "NOTSET", true, true));
        // Stride-2 rows wide enough for whole vectors of the phase split, odd and even left pads, odd widths.
        RunConv(new Case(1, 4, 4, 4, [9, 75], [3, 5], [2, 2], [1, 1], [1, 3, 0, 2], "NOTSET", true, true));
        RunConv(new Case(1, 2, 3, 1, [6, 71], [3, 3], [1, 2], [1, 1], [0, 2, 1, 0], "NOTSET", true, true));
        RunConv(new Case(1, 2, 3, 1, [5, 66], [2, 4], [1, 2], [1, 1], [0, 0, 1, 0], "NOTSET", true, true));
        // im2col panels inside one output row (output rows of 48 and 16 columns) and across rows.
        RunConv(new Case(1, 3, 5, 1, [6, 48], [3, 3], [1, 1], [1, 1], [1, 1, 1, 1], "NOTSET", true, true));
        RunConv(new Case(2, 2, 4, 1, [5, 33], [1, 3], [1, 2], [1, 1], [0, 0, 0, 1], "NOTSET", true, true));
    }

    private static void RunConv(Case c)
    {
        var (model, inputs) = Build(c);
        VariantTester.AssertVariantsMatchReference(model.ToBytes(), inputs, 1e-5, 1e-6 * c.Depth + 1e-5, c.ToString());
    }

    private static (OnnxModelBuilder, Dictionary<string, Tensor>) Build(Case c)
    {
        int rank = c.Input.Length;
        var m = new OnnxModelBuilder(13);
        long[] xShape = [c.Batch, c.Channels, .. c.Input.Select(v => (long)v)];
        long[] wShape = [c.Maps, c.Channels / c.Group, .. c.Kernel.Select(v => (long)v)];
        var inputs = new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", xShape, 1) };
        m.Graph.Input("x", DataType.Float, xShape.Cast<object?>().ToArray());
        var w = OpTester.Random("w", wShape, 2);
        if (c.ConstantWeights) m.Graph.Initializer("w", w.ReadOnlySpan<float>().ToArray(), wShape);
        else
        {
            m.Graph.Input("w", DataType.Float, wShape.Cast<object?>().ToArray());
            inputs["w"] = w;
        }
        var names = new List<string> { "x", "w" };
        if (c.Bias)
        {
            m.Graph.Initializer("b", OpTester.Random("b", [c.Maps], 3).ReadOnlySpan<float>().ToArray(), c.Maps);
            names.Add("b");
        }
        m.Graph.Output("y", DataType.Float, null);
        var node = m.Graph.Node("Conv", names.ToArray(), ["y"]).Attr("group", c.Group).Attr("kernel_shape", c.Kernel.Select(v => (long)v).ToArray())
            .Attr("strides", c.Stride.Select(v => (long)v).ToArray()).Attr("dilations", c.Dilation.Select(v => (long)v).ToArray());
        if (c.AutoPad == "NOTSET") node.Attr("pads", c.Pads.Select(v => (long)v).ToArray());
        else node.Attr("auto_pad", c.AutoPad);
        return (m, inputs);
    }

    [Theory]
    [InlineData("", 0f, 0f, false, false)]
    [InlineData("Relu", 0f, 0f, true, false)]
    [InlineData("Clip", -0.3f, 0.4f, false, true)]
    [InlineData("LeakyRelu", 0.1f, 0f, true, true)]
    [InlineData("LeakyRelu", 0.2f, 0f, false, false)]
    [InlineData("LeakyRelu", 1.5f, 0f, true, false)]
    [InlineData("LeakyReluMax", 0.2f, -0.3f, false, false)]
    [InlineData("LeakyReluMax", 0.2f, -0.3f, true, true)]
    [InlineData("HardSigmoid", 0.2f, 0.5f, false, false)]
    [InlineData("HardSwish", 0f, 0f, true, false)]
    [InlineData("Sigmoid", 0f, 0f, true, true)]
    public void FusedConv_matches_the_reference_packed_or_not(string activation, float alpha, float beta, bool residual, bool depthwise)
    {
        foreach (bool packed in new[] { false, true })
        {
            if (packed && depthwise) continue;
            int channels = depthwise ? 13 : 10, maps = depthwise ? 13 : 14, group = depthwise ? 13 : 2;
            int[] kernel = [3, 2];
            long[] xShape = [2, channels, 9, 11];
            long[] wShape = [maps, channels / group, kernel[0], kernel[1]];
            long[] yShape = [2, maps, 9, 10];
            var w = OpTester.Random("w", wShape, 2).ReadOnlySpan<float>().ToArray();
            var m = new OnnxModelBuilder(13).Opset("ai.edgeml", 1);
            m.Graph.Input("x", DataType.Float, xShape.Cast<object?>().ToArray());
            if (residual) m.Graph.Input("z", DataType.Float, yShape.Cast<object?>().ToArray());
            int mg = maps / group, depth = channels / group * kernel[0] * kernel[1];
            if (packed)
            {
                long size = PackedWeights.PackedASize(mg, depth);
                var p = new float[group * size];
                for (int g = 0; g < group; g++) PackedWeights.PackA(w.AsSpan(g * mg * depth, mg * depth), mg, depth, p.AsSpan((int)(g * size), (int)size));
                m.Graph.Initializer("w", p, group, size);
            }
            else m.Graph.Initializer("w", w, wShape);
            m.Graph.Initializer("b", OpTester.Random("b", [maps], 3).ReadOnlySpan<float>().ToArray(), maps);
            m.Graph.Output("y", DataType.Float, null);
            var node = m.Graph.Node("FusedConv", residual ? ["x", "w", "b", "z"] : ["x", "w", "b"], ["y"], "ai.edgeml")
                .Attr("group", group).Attr("kernel_shape", kernel.Select(v => (long)v).ToArray()).Attr("pads", new long[] { 1, 0, 1, 0 }).Attr("activation", activation);
            if (activation.Length > 0) node.Attr("activation_alpha", alpha).Attr("activation_beta", beta);
            if (packed) node.Attr("packed", 1L).Attr("output_channels", (long)maps);
            var inputs = new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", xShape, 1) };
            if (residual) inputs["z"] = OpTester.Random("z", yShape, 4);
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), inputs, 1e-5, 1e-4, $"{activation} packed={packed}");
        }
    }
}

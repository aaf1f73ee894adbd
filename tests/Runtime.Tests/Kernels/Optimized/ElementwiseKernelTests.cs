using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Optimized;

/// <summary>The fast elementwise, softmax and pooling kernels against the reference kernels, for
/// every CPU variant this machine runs: odd lengths, every broadcast pattern, special values.</summary>
public class ElementwiseKernelTests
{
    /// <summary>Values in [-8, 8) with NaN, ±∞ and −0 sprinkled in when <paramref name="special"/>.</summary>
    private static Tensor Values(string name, long[] shape, int seed, bool special)
    {
        var t = OpTester.Random(name, shape, seed, -8, 8);
        if (special)
        {
            var s = t.Span<float>();
            float[] odd = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 0f, 3f, -3f];
            for (int i = 0; i < s.Length; i += 7) s[i] = odd[(i / 7 + seed) % odd.Length];
        }
        return t;
    }

    private static readonly long[][][] BinaryShapes =
    [
        [[1], [1]], [[7], [7]], [[70], [70]], [[3, 67], [3, 67]], [[5, 17], []], [[], [5, 17]], [[5, 17], [1]],
        [[2, 3, 4, 5], [3, 1, 1]], [[1, 24, 7, 9], [1, 24, 1, 1]], [[2, 1, 3], [1, 4, 1]], [[4, 33], [33]],
        [[33], [4, 33]], [[2, 3, 1, 5], [3, 4, 1]], [[0, 3], [3]], [[1, 1, 9, 17], [1, 1, 1, 1]],
    ];

    [Theory]
    [InlineData("Add")]
    [InlineData("Sub")]
    [InlineData("Mul")]
    [InlineData("Div")]
    [InlineData("Max")]
    [InlineData("Min")]
    public void Binary_operators_broadcast_like_the_reference(string op)
    {
        int seed = 0;
        foreach (var pair in BinaryShapes)
        {
            var m = new OnnxModelBuilder(13);
            m.Graph.Input("a", DataType.Float, pair[0].Cast<object?>().ToArray()).Input("b", DataType.Float, pair[1].Cast<object?>().ToArray()).Output("y", DataType.Float, null);
            m.Graph.Node(op, ["a", "b"], ["y"]);
            var inputs = new Dictionary<string, Tensor> { ["a"] = Values("a", pair[0], ++seed, true), ["b"] = Values("b", pair[1], ++seed, true) };
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), inputs, 0, 0, $"{op} {Tensor.ShapeText(pair[0])} {Tensor.ShapeText(pair[1])}");
        }
    }

    public static TheoryData<string, int, float, float> Activations => new()
    {
        { "Relu", 13, 0, 0 }, { "LeakyRelu", 13, 0.1f, 0 }, { "HardSigmoid", 13, 0.2f, 0.5f }, { "HardSwish", 14, 0, 0 }, { "Sigmoid", 13, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Activations_match_at_every_length(string op, int opset, float alpha, float beta)
    {
        foreach (int n in new[] { 1, 3, 4, 7, 8, 15, 16, 17, 31, 33, 64, 70, 1000 })
        {
            var m = new OnnxModelBuilder(opset);
            m.Graph.Input("x", DataType.Float, n).Output("y", DataType.Float, null);
            var node = m.Graph.Node(op, ["x"], ["y"]);
            if (op == "LeakyRelu") node.Attr("alpha", alpha);
            if (op == "HardSigmoid") node.Attr("alpha", alpha).Attr("beta", beta);
            // Sigmoid's exponential may differ from MathF.Exp by an ulp or so.
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = Values("x", [n], n, true) }, op == "Sigmoid" ? 1e-6 : 0, op == "Sigmoid" ? 1e-7 : 0, $"{op} n={n}");
        }
    }

    [Theory]
    [InlineData(6, true, true)]
    [InlineData(6, true, false)]
    [InlineData(13, true, true)]
    [InlineData(13, false, true)]
    [InlineData(13, true, false)]
    [InlineData(13, false, false)]
    public void Clip_bounds_from_attributes_or_inputs(int opset, bool min, bool max)
    {
        var m = new OnnxModelBuilder(opset);
        m.Graph.Input("x", DataType.Float, 37).Output("y", DataType.Float, null);
        if (opset < 11)
        {
            var node = m.Graph.Node("Clip", ["x"], ["y"]);
            if (min) node.Attr("min", -2.5f);
            if (max) node.Attr("max", 1.5f);
        }
        else
        {
            if (min) m.Graph.Initializer("lo", [-2.5f]);
            if (max) m.Graph.Initializer("hi", [1.5f]);
            m.Graph.Node("Clip", ["x", min ? "lo" : "", max ? "hi" : ""], ["y"]);
        }
        VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = Values("x", [37], 5, true) }, 0, 0, $"Clip {opset} {min} {max}");
    }

    [Theory]
    [InlineData(11, 1)]
    [InlineData(13, -1)]
    [InlineData(13, 1)]
    public void Softmax_matches(int opset, long axis)
    {
        foreach (int n in new[] { 1, 2, 7, 16, 17, 33, 70, 6625 })
        {
            var m = new OnnxModelBuilder(opset);
            m.Graph.Input("x", DataType.Float, 3, n).Output("y", DataType.Float, null);
            m.Graph.Node("Softmax", ["x"], ["y"]).Attr("axis", axis);
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = Values("x", [3, n], n, false) }, 1e-5, 1e-7, $"Softmax opset {opset} axis {axis} n={n}");
        }
    }

    [Theory]
    [InlineData(2f)]
    [InlineData(0.5f)]
    [InlineData(3f)]
    public void Pow_by_a_scalar(float exponent)
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Float, 5, 67).Output("y", DataType.Float, null);
        m.Graph.Initializer("e", [exponent]);
        m.Graph.Node("Pow", ["x", "e"], ["y"]);
        var x = Values("x", [5, 67], 3, true);
        VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x }, 0, 0, $"Pow {exponent}");
    }

    [Fact]
    public void GlobalAveragePool_matches()
    {
        foreach (var shape in new long[][] { [1, 3, 1, 1], [2, 5, 7, 9], [1, 480, 6, 80], [1, 4, 33], [1, 2, 0, 3] })
        {
            var m = new OnnxModelBuilder(13);
            m.Graph.Input("x", DataType.Float, shape.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
            m.Graph.Node("GlobalAveragePool", ["x"], ["y"]);
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = Values("x", shape, 2, false) }, 1e-5, 1e-6, $"GlobalAveragePool {Tensor.ShapeText(shape)}");
        }
    }

    [Fact]
    public void Downsampling_MaxPool_matches()
    {
        // Window 2 at stride 2 (PairMaxPool): rows wider and narrower than every vector width, 1-D,
        // rows pooled or not, and odd sizes that take the general path.
        foreach (var (shape, kernel) in new (long[], long[])[]
        {
            ([1, 28, 64, 64], [2, 2]), ([1, 88, 16, 16], [2, 2]), ([1, 72, 28, 8], [2, 2]), ([2, 3, 6, 38], [2, 2]),
            ([1, 48, 32, 16], [1, 2]), ([1, 5, 3, 2], [1, 2]), ([2, 3, 70], [2]), ([1, 4, 7, 9], [2, 2]), ([1, 4, 6, 34], [2, 2]),
        })
        {
            var m = new OnnxModelBuilder(13);
            m.Graph.Input("x", DataType.Float, shape.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
            m.Graph.Node("MaxPool", ["x"], ["y"]).Attr("kernel_shape", kernel).Attr("strides", kernel);
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = Values("x", shape, 5, false) }, 0, 0,
                $"MaxPool {Tensor.ShapeText(shape)} k{Tensor.ShapeText(kernel)}");
        }
        // Padded stride-2 pools take the general path through the vectorised stride-2 phase split.
        foreach (var pads in new long[][] { [0, 1, 0, 1], [1, 2, 1, 0], [0, 3, 0, 0] })
        {
            long[] shape = [1, 3, 5, 77];
            var m = new OnnxModelBuilder(13);
            m.Graph.Input("x", DataType.Float, shape.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
            m.Graph.Node("MaxPool", ["x"], ["y"]).Attr("kernel_shape", new long[] { 2, 4 }).Attr("strides", new long[] { 1, 2 }).Attr("pads", pads);
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = Values("x", shape, 6, false) }, 0, 0,
                $"MaxPool pads {Tensor.ShapeText(pads)}");
        }
    }

    [Theory]
    [InlineData("MaxPool", 0)]
    [InlineData("MaxPool", 1)]
    [InlineData("AveragePool", 0)]
    [InlineData("AveragePool", 1)]
    public void Pooling_matches_on_random_geometries(string op, int seed)
    {
        var rng = new Random(seed);
        for (int i = 0; i < 40; i++)
        {
            int rank = rng.Next(3) == 0 ? 1 : 2;
            var input = new long[rank];
            var kernel = new long[rank];
            var stride = new long[rank];
            var dilation = new long[rank];
            var pads = new long[2 * rank];
            for (int d = 0; d < rank; d++)
            {
                kernel[d] = 1 + rng.Next(4);
                pads[d] = rng.Next((int)kernel[d]);
                pads[d + rank] = rng.Next((int)kernel[d]);
                dilation[d] = op == "MaxPool" && rng.Next(4) == 0 ? 2 : 1;
                input[d] = (kernel[d] - 1) * dilation[d] + 1 + rng.Next(rank == 1 ? 40 : 14);
                stride[d] = 1 + rng.Next(3);
            }
            long[] shape = [1 + rng.Next(2), 1 + rng.Next(5), .. input];
            bool ceil = rng.Next(3) == 0, includePad = rng.Next(2) == 0;
            var m = new OnnxModelBuilder(13);
            m.Graph.Input("x", DataType.Float, shape.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
            var node = m.Graph.Node(op, ["x"], ["y"]).Attr("kernel_shape", kernel).Attr("strides", stride).Attr("pads", pads).Attr("ceil_mode", ceil ? 1L : 0L);
            if (op == "MaxPool") node.Attr("dilations", dilation);
            else node.Attr("count_include_pad", includePad ? 1L : 0L);
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = Values("x", shape, i, false) }, 1e-6, 1e-6,
                $"{op} {Tensor.ShapeText(shape)} k{Tensor.ShapeText(kernel)} s{Tensor.ShapeText(stride)} d{Tensor.ShapeText(dilation)} p{Tensor.ShapeText(pads)} ceil={ceil} includePad={includePad}");
        }
    }
}

public class TransposeKernelTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Bool)]
    public void Transpose_matches_the_reference(DataType type)
    {
        var rng = new Random(4);
        foreach (var (shape, perm) in new (long[], long[]?)[]
        {
            ([1, 128, 13, 3], [0, 3, 1, 2]), ([2, 3, 5, 7], [3, 2, 1, 0]), ([4, 9], null), ([7], [0]), ([2, 3, 4, 5, 6], [1, 0, 4, 2, 3]),
            ([1, 8, 40, 15], [0, 1, 3, 2]), ([3, 1, 40, 8, 15], [2, 0, 3, 1, 4]), ([0, 3], [1, 0]),
        })
        {
            var m = new OnnxModelBuilder(13);
            m.Graph.Input("x", type, shape.Cast<object?>().ToArray()).Output("y", type, null);
            var node = m.Graph.Node("Transpose", ["x"], ["y"]);
            if (perm != null) node.Attr("perm", perm);
            var x = new Tensor("x");
            x.Allocate(type, shape);
            rng.NextBytes(x.Bytes);
            if (type == DataType.Bool) foreach (ref var b in x.Bytes) b &= 1;
            if (type == DataType.Float16) foreach (ref var h in x.Span<Half>()) h = (Half)(rng.NextDouble() * 4 - 2);
            VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x }, 0, 0, $"Transpose {type} {Tensor.ShapeText(shape)}");
        }
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Optimized;

/// <summary>The fast MatMul, Gemm and FusedMatMul against the reference kernels, for every CPU
/// variant this machine runs, at odd sizes.</summary>
public class MatMulKernelTests
{
    private static readonly int[] Sizes = [1, 2, 5, 6, 7, 13, 16, 17, 31, 33, 64, 67];

    [Fact]
    public void MatMul_2d_odd_sizes_constant_or_not()
    {
        var rng = new Random(5);
        int i = 0;
        foreach (int m in Sizes)
            foreach (int n in Sizes)
            {
                int k = Sizes[(i++ * 7) % Sizes.Length] + (i % 3 == 0 ? 250 : 0);
                MatMul([m, k], [k, n], constantB: i % 2 == 0);
            }
    }

    [Theory]
    [InlineData(new long[] { 3, 5, 7 }, new long[] { 7, 4 })]
    [InlineData(new long[] { 2, 3, 5, 7 }, new long[] { 2, 1, 7, 9 })]
    [InlineData(new long[] { 1, 5, 7 }, new long[] { 4, 7, 3 })]
    [InlineData(new long[] { 7 }, new long[] { 7, 19 })]
    [InlineData(new long[] { 6, 7 }, new long[] { 7 })]
    [InlineData(new long[] { 7 }, new long[] { 3, 7, 5 })]
    [InlineData(new long[] { 2, 0, 7 }, new long[] { 7, 5 })]
    [InlineData(new long[] { 4, 0 }, new long[] { 0, 5 })]
    public void MatMul_batched_and_vectors(long[] a, long[] b)
    {
        MatMul(a, b, constantB: false);
        MatMul(a, b, constantB: true);
    }

    private static void MatMul(long[] aShape, long[] bShape, bool constantB)
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("a", DataType.Float, aShape.Cast<object?>().ToArray());
        var inputs = new Dictionary<string, Tensor> { ["a"] = OpTester.Random("a", aShape, 1) };
        var b = OpTester.Random("b", bShape, 2);
        if (constantB) m.Graph.Initializer("b", b.ReadOnlySpan<float>().ToArray(), bShape);
        else
        {
            m.Graph.Input("b", DataType.Float, bShape.Cast<object?>().ToArray());
            inputs["b"] = b;
        }
        m.Graph.Output("y", DataType.Float, null);
        m.Graph.Node("MatMul", ["a", "b"], ["y"]);
        long k = aShape[^1];
        VariantTester.AssertVariantsMatchReference(m.ToBytes(), inputs, 1e-5, 1e-5 + 1e-6 * k, $"MatMul {Tensor.ShapeText(aShape)} x {Tensor.ShapeText(bShape)} constB={constantB}");
    }

    [Fact]
    public void Gemm_transposes_scales_and_every_C_shape()
    {
        var rng = new Random(9);
        long[][] cShapes(long mm, long nn) => [[], [1], [nn], [1, nn], [mm, 1], [mm, nn], [1, 1]];
        int i = 0;
        foreach (bool transA in new[] { false, true })
            foreach (bool transB in new[] { false, true })
                foreach (var (alpha, beta) in new[] { (1f, 1f), (0.5f, 2f), (1f, 0f) })
                {
                    int mm = Sizes[rng.Next(Sizes.Length)], nn = Sizes[rng.Next(Sizes.Length)], kk = 1 + rng.Next(300);
                    foreach (var c in cShapes(mm, nn).Append(null))
                        Gemm(mm, nn, kk, transA, transB, alpha, beta, c, constantB: i++ % 2 == 0);
                }
    }

    private static void Gemm(int mm, int nn, int kk, bool transA, bool transB, float alpha, float beta, long[]? cShape, bool constantB)
    {
        long[] aShape = transA ? [kk, mm] : [mm, kk];
        long[] bShape = transB ? [nn, kk] : [kk, nn];
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("a", DataType.Float, aShape.Cast<object?>().ToArray());
        var inputs = new Dictionary<string, Tensor> { ["a"] = OpTester.Random("a", aShape, 1) };
        var b = OpTester.Random("b", bShape, 2);
        if (constantB) m.Graph.Initializer("b", b.ReadOnlySpan<float>().ToArray(), bShape);
        else
        {
            m.Graph.Input("b", DataType.Float, bShape.Cast<object?>().ToArray());
            inputs["b"] = b;
        }
        var names = new List<string> { "a", "b" };
        if (cShape != null)
        {
            m.Graph.Initializer("c", OpTester.Random("c", cShape, 3).ReadOnlySpan<float>().ToArray(), cShape);
            names.Add("c");
        }
        m.Graph.Output("y", DataType.Float, null);
        m.Graph.Node("Gemm", names.ToArray(), ["y"]).Attr("transA", transA ? 1L : 0L).Attr("transB", transB ? 1L : 0L).Attr("alpha", alpha).Attr("beta", beta);
        VariantTester.AssertVariantsMatchReference(m.ToBytes(), inputs, 1e-5, 1e-5 + 1e-6 * kk,
            $"Gemm {mm}x{nn}x{kk} tA={transA} tB={transB} a={alpha} b={beta} C={(cShape == null ? "none" : Tensor.ShapeText(cShape))} constB={constantB}");
    }

    [Theory]
    [InlineData("", 0f, 0f)]
    [InlineData("Relu", 0f, 0f)]
    [InlineData("Clip", -0.2f, 0.3f)]
    [InlineData("LeakyRelu", 0.2f, 0f)]
    [InlineData("LeakyReluMax", 0.2f, -0.1f)]
    [InlineData("HardSigmoid", 0.2f, 0.5f)]
    [InlineData("HardSwish", 0f, 0f)]
    [InlineData("Sigmoid", 0f, 0f)]
    public void FusedMatMul_packed_or_not_with_activation(string activation, float alpha, float beta)
    {
        foreach (bool packed in new[] { false, true })
            foreach (var (aShape, n) in new (long[], int)[] { ([2, 7, 33], 45), ([40, 120], 70), ([129], 17), ([1, 1536], 128) })
            {
                int k = (int)aShape[^1];
                var b = OpTester.Random("b", [k, n], 2).ReadOnlySpan<float>().ToArray();
                var m = new OnnxModelBuilder(13).Opset("ai.edgeml", 1);
                m.Graph.Input("a", DataType.Float, aShape.Cast<object?>().ToArray());
                if (packed)
                {
                    var p = new float[PackedWeights.PackedBSize(k, n)];
                    PackedWeights.PackB(b, k, n, transposed: false, p);
                    m.Graph.Initializer("b", p, p.Length / (16 * k), k, 16);
                }
                else m.Graph.Initializer("b", b, k, n);
                m.Graph.Initializer("bias", OpTester.Random("bias", [n], 3).ReadOnlySpan<float>().ToArray(), n);
                m.Graph.Output("y", DataType.Float, null);
                var node = m.Graph.Node("FusedMatMul", ["a", "b", "bias"], ["y"], "ai.edgeml").Attr("activation", activation);
                if (activation.Length > 0) node.Attr("activation_alpha", alpha).Attr("activation_beta", beta);
                if (packed) node.Attr("packed", 1L).Attr("columns", (long)n);
                VariantTester.AssertVariantsMatchReference(m.ToBytes(), new Dictionary<string, Tensor> { ["a"] = OpTester.Random("a", aShape, 1) }, 1e-5, 1e-5 + 1e-6 * k,
                    $"FusedMatMul {Tensor.ShapeText(aShape)} N{n} {activation} packed={packed}");
            }
    }
}

using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;

namespace EdgeML.Runtime.Tests.Kernels.Blas;

/// <summary>The blocked SGEMM against a double-precision triple loop, for every CPU variant this
/// machine runs, at many odd sizes, every operand layout and every epilogue.</summary>
public unsafe class SgemmTests
{
    public static TheoryData<CpuVariant> Variants => FastVariants.All();

    private static readonly int[] Sizes = [0, 1, 2, 3, 5, 6, 7, 11, 13, 16, 17, 23, 31, 32, 33, 47, 48, 63, 64, 65, 70];
    private static readonly int[] Depths = [0, 1, 2, 3, 7, 16, 29, 64, 70, 129, 257, 300];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Odd_sizes_match_the_triple_loop(CpuVariant variant)
    {
        var rng = new Random(7);
        int index = 0;
        foreach (int m in Sizes)
            foreach (int n in Sizes)
            {
                int k = Depths[index++ % Depths.Length];
                Check(variant, rng, m, n, k, (ALayout)(index % 3), (BLayout)(index / 3 % 3), EpilogueCase.Plain);
            }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_layout_and_epilogue(CpuVariant variant)
    {
        var rng = new Random(11);
        foreach (ALayout al in Enum.GetValues<ALayout>())
            foreach (BLayout bl in Enum.GetValues<BLayout>())
                foreach (EpilogueCase ec in Enum.GetValues<EpilogueCase>())
                    Check(variant, rng, 1 + rng.Next(40), 1 + rng.Next(90), rng.Next(1, 300), al, bl, ec);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Blocks_larger_than_the_caches_are_stitched(CpuVariant variant)
    {
        var rng = new Random(3);
        Check(variant, rng, 101, 613, 263, ALayout.RowMajor, BLayout.RowMajor, EpilogueCase.RowBiasRelu);
        Check(variant, rng, 100, 530, 300, ALayout.Packed, BLayout.Packed, EpilogueCase.Residual);
    }

    [Fact]
    public void Both_avx2_kernels_match_the_triple_loop()
    {
        if (!CpuFeatures.IsSupported(CpuVariant.Avx2)) return;
        var rng = new Random(13);
        foreach (bool wide in new[] { false, true })
        {
            if (wide && !SgemmKernel_6x32_Avx2.Usable) continue;
            int index = 0;
            foreach (int m in Sizes)
                foreach (int n in Sizes)
                {
                    int k = Depths[index++ % Depths.Length];
                    Check(wide ? Kernel.Avx2Wide : Kernel.Avx2Narrow, rng, m, n, k, (ALayout)(index % 3), (BLayout)(index / 3 % 3), (EpilogueCase)(index % 8));
                }
        }
    }

    private enum Kernel { Avx2Narrow, Avx2Wide }

    private static void Check(Kernel kernel, Random rng, int m, int n, int k, ALayout al, BLayout bl, EpilogueCase ec)
        => Check(CpuVariant.Avx2, rng, m, n, k, al, bl, ec, kernel);

    public enum ALayout { RowMajor, Transposed, Packed }
    public enum BLayout { RowMajor, Transposed, Packed }
    public enum EpilogueCase { Plain, RowBiasRelu, ColumnBiasClip, Residual, AlphaBetaSigmoid, BroadcastRowBiasHardSwish, LeakyRelu, HardSigmoid }

    private static void Check(CpuVariant variant, Random rng, int m, int n, int k, ALayout al, BLayout bl, EpilogueCase ec, Kernel? kernel = null)
    {
        float[] a = Fill(rng, m * k), b = Fill(rng, k * n), rowBias = Fill(rng, m), colBias = Fill(rng, n), residual = Fill(rng, m * n);
        // Operand storage as the layout asks.
        float[] aStore = al switch
        {
            ALayout.Transposed => Transpose(a, m, k),
            ALayout.Packed => PackA(a, m, k),
            _ => a,
        };
        float[] bStore = bl switch
        {
            BLayout.Transposed => Transpose(b, k, n),
            BLayout.Packed => PackB(b, k, n),
            _ => b,
        };
        var ep = SgemmEpilogue.Default;
        var c = new float[m * n + 1];
        c[^1] = 12345; // guard: nothing may be written past C
        fixed (float* pa = aStore)
        fixed (float* pb = bStore)
        fixed (float* pc = c)
        fixed (float* prb = rowBias)
        fixed (float* pcb = colBias)
        fixed (float* pres = residual)
        {
            switch (ec)
            {
                case EpilogueCase.RowBiasRelu: ep.RowBias = prb; ep.Activation = new Activation(ActivationKind.Relu); break;
                case EpilogueCase.ColumnBiasClip: ep.ColumnBias = pcb; ep.Activation = new Activation(ActivationKind.Clip, -0.5f, 0.75f); break;
                case EpilogueCase.Residual: ep.RowBias = prb; ep.Residual = pres; ep.ResidualRowStride = n; ep.Activation = new Activation(ActivationKind.Relu); break;
                case EpilogueCase.AlphaBetaSigmoid: ep.ColumnBias = pcb; ep.Alpha = 0.5f; ep.Beta = 2f; ep.Activation = new Activation(ActivationKind.Sigmoid); break;
                case EpilogueCase.BroadcastRowBiasHardSwish: ep.RowBias = prb; ep.RowBiasStride = 0; ep.Activation = new Activation(ActivationKind.HardSwish); break;
                case EpilogueCase.LeakyRelu: ep.RowBias = prb; ep.ColumnBias = pcb; ep.Activation = new Activation(ActivationKind.LeakyRelu, 0.1f); break;
                case EpilogueCase.HardSigmoid: ep.Activation = new Activation(ActivationKind.HardSigmoid, 0.2f, 0.5f); break;
            }
            var opA = al switch
            {
                ALayout.Transposed => SgemmOperand.Strided(pa, 1, m),
                ALayout.Packed => SgemmOperand.Packed(pa),
                _ => SgemmOperand.RowMajor(pa, k),
            };
            var opB = bl switch
            {
                BLayout.Transposed => SgemmOperand.Strided(pb, 1, k),
                BLayout.Packed => SgemmOperand.Packed(pb),
                _ => SgemmOperand.RowMajor(pb, n),
            };
            if (kernel == Kernel.Avx2Narrow) Sgemm.MultiplyWithKernel<SgemmKernel_6x16_Avx2, SgemmKernel_12x8_Avx2, Simd256, System.Runtime.Intrinsics.Vector256<float>>(m, n, k, opA, opB, pc, n, ep);
            else if (kernel == Kernel.Avx2Wide) Sgemm.MultiplyWithKernel<SgemmKernel_6x32_Avx2, SgemmKernel_12x8_Avx2, Simd256, System.Runtime.Intrinsics.Vector256<float>>(m, n, k, opA, opB, pc, n, ep);
            else Sgemm.Multiply(variant, m, n, k, opA, opB, pc, n, ep);

            Assert.Equal(12345f, c[^1]);
            double tol = 1e-5 + 2e-6 * k;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += (double)a[i * k + p] * b[p * n + j];
                    double extra = 0;
                    if (ep.RowBias != null) extra += rowBias[ep.RowBiasStride == 0 ? 0 : i];
                    if (ep.ColumnBias != null) extra += colBias[j];
                    if (ep.Residual != null) extra += residual[i * n + j];
                    float expected = ep.Activation.Apply((float)(ep.Alpha * s + ep.Beta * extra));
                    float actual = c[i * n + j];
                    Assert.True(Math.Abs(actual - expected) <= tol * (1 + Math.Abs(expected)),
                        $"{variant} {m}x{n}x{k} A {al} B {bl} {ec}: C[{i},{j}] = {actual}, expected {expected}");
                }
        }
    }

    private static float[] Fill(Random rng, int count)
    {
        var x = new float[count];
        for (int i = 0; i < count; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }

    private static float[] Transpose(float[] x, int rows, int cols)
    {
        var t = new float[x.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
        return t;
    }

    private static float[] PackA(float[] a, int m, int k)
    {
        var p = new float[Math.Max(1, PackedWeights.PackedASize(m, k))];
        PackedWeights.PackA(a, m, k, p);
        return p;
    }

    private static float[] PackB(float[] b, int k, int n)
    {
        var p = new float[Math.Max(1, PackedWeights.PackedBSize(k, n))];
        PackedWeights.PackB(b, k, n, transposed: false, p);
        return p;
    }
}

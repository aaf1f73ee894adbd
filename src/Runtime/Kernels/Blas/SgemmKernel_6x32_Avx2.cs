using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// AVX2+FMA SGEMM micro-kernel for CPUs with 32 vector registers (AVX-512VL present, 512-bit vectors
/// not preferred, as on Intel Cascade Lake): 6 rows × up to 4 ymm (two B panels, 32 columns), 24
/// accumulators, compiled per row and vector count. Partial last vectors use vmaskmov.
/// </summary>
internal readonly unsafe struct SgemmKernel_6x32_Avx2 : ISgemmKernel
{
    public static int Width => 32;
    public static int DepthBlock => 256;

    /// <summary>Whether the JIT has 32 ymm registers here (EVEX encoding), which the 24 accumulators need.</summary>
    public static bool Usable => Cpu.CpuFeatures.ThirtyTwoVectorRegisters;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bPanelStride, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue e)
    {
        switch (mr)
        {
            case 1: Rows<One>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            case 2: Rows<Two>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            case 3: Rows<Three>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            case 4: Rows<Four>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            case 5: Rows<Five>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            default: Rows<Six>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows<TM>(int kc, float* a, float* b, nint bPanelStride, nint bRowStride, float* c, nint ldc, int nr, in SgemmTileEpilogue e) where TM : struct, IVectorCount
    {
        switch ((nr + 7) >> 3)
        {
            case 4: Tile<TM, Four>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            case 3: Tile<TM, Three>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            case 2: Tile<TM, Two>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
            default: Tile<TM, One>(kc, a, b, bPanelStride, bRowStride, c, ldc, nr, e); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TM, TN>(int kc, float* a, float* b, nint ps, nint rs, float* c, nint ldc, int nr, in SgemmTileEpilogue e) where TM : struct, IVectorCount where TN : struct, IVectorCount
    {
        var z = Vector256<float>.Zero;
        Vector256<float> c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        Vector256<float> c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        Vector256<float> c40 = z, c41 = z, c42 = z, c43 = z, c50 = z, c51 = z, c52 = z, c53 = z;
        float* b0 = b, b1 = b + 8, b2 = b + ps, b3 = b + ps + 8;
        nint off = 0;
        for (int k = 0; k < kc; k++, off += rs)
        {
            var v0 = Vector256.Load(b0 + off);
            var v1 = TN.Count > 1 ? Vector256.Load(b1 + off) : z;
            var v2 = TN.Count > 2 ? Vector256.Load(b2 + off) : z;
            var v3 = TN.Count > 3 ? Vector256.Load(b3 + off) : z;
            var s = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(s, v0, c00);
            if (TN.Count > 1) c01 = Fma.MultiplyAdd(s, v1, c01);
            if (TN.Count > 2) c02 = Fma.MultiplyAdd(s, v2, c02);
            if (TN.Count > 3) c03 = Fma.MultiplyAdd(s, v3, c03);
            if (TM.Count > 1)
            {
                s = Vector256.Create(a[1]);
                c10 = Fma.MultiplyAdd(s, v0, c10);
                if (TN.Count > 1) c11 = Fma.MultiplyAdd(s, v1, c11);
                if (TN.Count > 2) c12 = Fma.MultiplyAdd(s, v2, c12);
                if (TN.Count > 3) c13 = Fma.MultiplyAdd(s, v3, c13);
            }
            if (TM.Count > 2)
            {
                s = Vector256.Create(a[2]);
                c20 = Fma.MultiplyAdd(s, v0, c20);
                if (TN.Count > 1) c21 = Fma.MultiplyAdd(s, v1, c21);
                if (TN.Count > 2) c22 = Fma.MultiplyAdd(s, v2, c22);
                if (TN.Count > 3) c23 = Fma.MultiplyAdd(s, v3, c23);
            }
            if (TM.Count > 3)
            {
                s = Vector256.Create(a[3]);
                c30 = Fma.MultiplyAdd(s, v0, c30);
                if (TN.Count > 1) c31 = Fma.MultiplyAdd(s, v1, c31);
                if (TN.Count > 2) c32 = Fma.MultiplyAdd(s, v2, c32);
                if (TN.Count > 3) c33 = Fma.MultiplyAdd(s, v3, c33);
            }
            if (TM.Count > 4)
            {
                s = Vector256.Create(a[4]);
                c40 = Fma.MultiplyAdd(s, v0, c40);
                if (TN.Count > 1) c41 = Fma.MultiplyAdd(s, v1, c41);
                if (TN.Count > 2) c42 = Fma.MultiplyAdd(s, v2, c42);
                if (TN.Count > 3) c43 = Fma.MultiplyAdd(s, v3, c43);
            }
            if (TM.Count > 5)
            {
                s = Vector256.Create(a[5]);
                c50 = Fma.MultiplyAdd(s, v0, c50);
                if (TN.Count > 1) c51 = Fma.MultiplyAdd(s, v1, c51);
                if (TN.Count > 2) c52 = Fma.MultiplyAdd(s, v2, c52);
                if (TN.Count > 3) c53 = Fma.MultiplyAdd(s, v3, c53);
            }
            a += 6;
        }
        var mask = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(nr - 8 * (TN.Count - 1))).AsSingle();
        StoreRow<TN>(c, 0, e, mask, c00, c01, c02, c03);
        if (TM.Count > 1) StoreRow<TN>(c + ldc, 1, e, mask, c10, c11, c12, c13);
        if (TM.Count > 2) StoreRow<TN>(c + 2 * ldc, 2, e, mask, c20, c21, c22, c23);
        if (TM.Count > 3) StoreRow<TN>(c + 3 * ldc, 3, e, mask, c30, c31, c32, c33);
        if (TM.Count > 4) StoreRow<TN>(c + 4 * ldc, 4, e, mask, c40, c41, c42, c43);
        if (TM.Count > 5) StoreRow<TN>(c + 5 * ldc, 5, e, mask, c50, c51, c52, c53);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TN>(float* c, int row, in SgemmTileEpilogue e, Vector256<float> lastMask,
        Vector256<float> x0, Vector256<float> x1, Vector256<float> x2, Vector256<float> x3) where TN : struct, IVectorCount
    {
        var flags = e.Flags;
        if ((flags & SgemmFlags.RowBias) != 0)
        {
            var rb = Vector256.Create(e.RowBias[row]);
            x0 += rb; x1 += rb; x2 += rb; x3 += rb;
        }
        Store(c, row, 0, TN.Count == 1, lastMask, x0, e);
        if (TN.Count > 1) Store(c, row, 1, TN.Count == 2, lastMask, x1, e);
        if (TN.Count > 2) Store(c, row, 2, TN.Count == 3, lastMask, x2, e);
        if (TN.Count > 3) Store(c, row, 3, true, lastMask, x3, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, int row, int j, bool last, Vector256<float> mask, Vector256<float> x, in SgemmTileEpilogue e)
    {
        var flags = e.Flags;
        float* p = c + 8 * j;
        float* res = e.Residual + row * e.ResidualStride + 8 * j;
        if (!last)
        {
            if ((flags & SgemmFlags.Accumulate) != 0) x += Vector256.Load(p);
            if ((flags & SgemmFlags.ColumnBias) != 0) x += Vector256.Load(e.ColumnBias + 8 * j);
            if ((flags & SgemmFlags.Residual) != 0) x += Vector256.Load(res);
            if ((flags & SgemmFlags.LeakyRelu) != 0) x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), x * Vector256.Create(e.Slope), x);
            if ((flags & SgemmFlags.Clamp) != 0) x = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(e.Min)), Vector256.Create(e.Max));
            x.Store(p);
        }
        else
        {
            if ((flags & SgemmFlags.Accumulate) != 0) x += Avx.MaskLoad(p, mask);
            if ((flags & SgemmFlags.ColumnBias) != 0) x += Avx.MaskLoad(e.ColumnBias + 8 * j, mask);
            if ((flags & SgemmFlags.Residual) != 0) x += Avx.MaskLoad(res, mask);
            if ((flags & SgemmFlags.LeakyRelu) != 0) x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), x * Vector256.Create(e.Slope), x);
            if ((flags & SgemmFlags.Clamp) != 0) x = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(e.Min)), Vector256.Create(e.Max));
            Avx.MaskStore(p, mask, x);
        }
    }
}

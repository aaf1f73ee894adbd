using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// AVX2+FMA SGEMM micro-kernel: 6 rows × 2 ymm (one 16-column B panel), 12 accumulators, which
/// with the two B vectors and the broadcast fits the 16 ymm registers. Partial last vectors use
/// vmaskmov loads and stores.
/// </summary>
internal readonly unsafe struct SgemmKernel_6x16_Avx2 : ISgemmKernel
{
    public static int Width => 16;
    public static int DepthBlock => 256;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bPanelStride, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue e)
    {
        switch (mr)
        {
            case 1: Rows<One>(kc, a, b, bRowStride, c, ldc, nr, e); break;
            case 2: Rows<Two>(kc, a, b, bRowStride, c, ldc, nr, e); break;
            case 3: Rows<Three>(kc, a, b, bRowStride, c, ldc, nr, e); break;
            case 4: Rows<Four>(kc, a, b, bRowStride, c, ldc, nr, e); break;
            case 5: Rows<Five>(kc, a, b, bRowStride, c, ldc, nr, e); break;
            default: Rows<Six>(kc, a, b, bRowStride, c, ldc, nr, e); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows<TM>(int kc, float* a, float* b, nint rs, float* c, nint ldc, int nr, in SgemmTileEpilogue e) where TM : struct, IVectorCount
    {
        if (nr > 8) Tile<TM, Two>(kc, a, b, rs, c, ldc, nr, e);
        else Tile<TM, One>(kc, a, b, rs, c, ldc, nr, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TM, TN>(int kc, float* a, float* b, nint rs, float* c, nint ldc, int nr, in SgemmTileEpilogue e) where TM : struct, IVectorCount where TN : struct, IVectorCount
    {
        var z = Vector256<float>.Zero;
        Vector256<float> c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
        Vector256<float> c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        for (int k = 0; k < kc; k++)
        {
            var v0 = Vector256.Load(b);
            var v1 = TN.Count > 1 ? Vector256.Load(b + 8) : z;
            var s = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(s, v0, c00);
            if (TN.Count > 1) c01 = Fma.MultiplyAdd(s, v1, c01);
            if (TM.Count > 1)
            {
                s = Vector256.Create(a[1]);
                c10 = Fma.MultiplyAdd(s, v0, c10);
                if (TN.Count > 1) c11 = Fma.MultiplyAdd(s, v1, c11);
            }
            if (TM.Count > 2)
            {
                s = Vector256.Create(a[2]);
                c20 = Fma.MultiplyAdd(s, v0, c20);
                if (TN.Count > 1) c21 = Fma.MultiplyAdd(s, v1, c21);
            }
            if (TM.Count > 3)
            {
                s = Vector256.Create(a[3]);
                c30 = Fma.MultiplyAdd(s, v0, c30);
                if (TN.Count > 1) c31 = Fma.MultiplyAdd(s, v1, c31);
            }
            if (TM.Count > 4)
            {
                s = Vector256.Create(a[4]);
                c40 = Fma.MultiplyAdd(s, v0, c40);
                if (TN.Count > 1) c41 = Fma.MultiplyAdd(s, v1, c41);
            }
            if (TM.Count > 5)
            {
                s = Vector256.Create(a[5]);
                c50 = Fma.MultiplyAdd(s, v0, c50);
                if (TN.Count > 1) c51 = Fma.MultiplyAdd(s, v1, c51);
            }
            a += 6;
            b += rs;
        }
        var mask = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(nr - 8 * (TN.Count - 1))).AsSingle();
        StoreRow<TN>(c, 0, e, mask, c00, c01);
        if (TM.Count > 1) StoreRow<TN>(c + ldc, 1, e, mask, c10, c11);
        if (TM.Count > 2) StoreRow<TN>(c + 2 * ldc, 2, e, mask, c20, c21);
        if (TM.Count > 3) StoreRow<TN>(c + 3 * ldc, 3, e, mask, c30, c31);
        if (TM.Count > 4) StoreRow<TN>(c + 4 * ldc, 4, e, mask, c40, c41);
        if (TM.Count > 5) StoreRow<TN>(c + 5 * ldc, 5, e, mask, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TN>(float* c, int row, in SgemmTileEpilogue e, Vector256<float> lastMask, Vector256<float> x0, Vector256<float> x1) where TN : struct, IVectorCount
    {
        if ((e.Flags & SgemmFlags.RowBias) != 0)
        {
            var rb = Vector256.Create(e.RowBias[row]);
            x0 += rb;
            x1 += rb;
        }
        Store(c, row, 0, TN.Count == 1, lastMask, x0, e);
        if (TN.Count > 1) Store(c, row, 1, true, lastMask, x1, e);
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

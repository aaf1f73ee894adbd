using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// Portable 128-bit SGEMM micro-kernel (NEON on arm64, SSE on x64): 6 rows × 2 vectors (8 columns),
/// 12 accumulators, run twice per 16-column B panel. Partial tiles finish through a small stack
/// buffer.
/// </summary>
internal readonly unsafe struct SgemmKernel_6x8_Vector128 : ISgemmKernel
{
    public static int Width => 16;
    public static int DepthBlock => 256;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bPanelStride, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue e)
    {
        Half(kc, a, b, bRowStride, c, ldc, mr, Math.Min(nr, 8), 0, e);
        if (nr > 8) Half(kc, a, b + 8, bRowStride, c + 8, ldc, mr, nr - 8, 8, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Half(int kc, float* a, float* b, nint rs, float* c, nint ldc, int mr, int nr, int column, in SgemmTileEpilogue e)
    {
        var z = Vector128<float>.Zero;
        Vector128<float> c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z;
        Vector128<float> c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z;
        for (int k = 0; k < kc; k++)
        {
            var v0 = Vector128.Load(b);
            var v1 = Vector128.Load(b + 4);
            var s = Vector128.Create(a[0]);
            c00 = Vector128.MultiplyAddEstimate(s, v0, c00);
            c01 = Vector128.MultiplyAddEstimate(s, v1, c01);
            s = Vector128.Create(a[1]);
            c10 = Vector128.MultiplyAddEstimate(s, v0, c10);
            c11 = Vector128.MultiplyAddEstimate(s, v1, c11);
            s = Vector128.Create(a[2]);
            c20 = Vector128.MultiplyAddEstimate(s, v0, c20);
            c21 = Vector128.MultiplyAddEstimate(s, v1, c21);
            s = Vector128.Create(a[3]);
            c30 = Vector128.MultiplyAddEstimate(s, v0, c30);
            c31 = Vector128.MultiplyAddEstimate(s, v1, c31);
            s = Vector128.Create(a[4]);
            c40 = Vector128.MultiplyAddEstimate(s, v0, c40);
            c41 = Vector128.MultiplyAddEstimate(s, v1, c41);
            s = Vector128.Create(a[5]);
            c50 = Vector128.MultiplyAddEstimate(s, v0, c50);
            c51 = Vector128.MultiplyAddEstimate(s, v1, c51);
            a += 6;
            b += rs;
        }
        StoreRow(c, 0, column, nr, e, c00, c01);
        if (mr > 1) StoreRow(c + ldc, 1, column, nr, e, c10, c11);
        if (mr > 2) StoreRow(c + 2 * ldc, 2, column, nr, e, c20, c21);
        if (mr > 3) StoreRow(c + 3 * ldc, 3, column, nr, e, c30, c31);
        if (mr > 4) StoreRow(c + 4 * ldc, 4, column, nr, e, c40, c41);
        if (mr > 5) StoreRow(c + 5 * ldc, 5, column, nr, e, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, int row, int column, int nr, in SgemmTileEpilogue e, Vector128<float> x0, Vector128<float> x1)
    {
        if (nr < 8)
        {
            float* t = stackalloc float[8];
            x0.Store(t);
            x1.Store(t + 4);
            for (int j = 0; j < nr; j++) SgemmEdge.Store(c + j, t[j], row, column + j, e);
            return;
        }
        var flags = e.Flags;
        if ((flags & SgemmFlags.Accumulate) != 0)
        {
            x0 += Vector128.Load(c);
            x1 += Vector128.Load(c + 4);
        }
        if ((flags & SgemmFlags.RowBias) != 0)
        {
            var rb = Vector128.Create(e.RowBias[row]);
            x0 += rb;
            x1 += rb;
        }
        if ((flags & SgemmFlags.ColumnBias) != 0)
        {
            x0 += Vector128.Load(e.ColumnBias + column);
            x1 += Vector128.Load(e.ColumnBias + column + 4);
        }
        if ((flags & SgemmFlags.Residual) != 0)
        {
            float* res = e.Residual + row * e.ResidualStride + column;
            x0 += Vector128.Load(res);
            x1 += Vector128.Load(res + 4);
        }
        if ((flags & SgemmFlags.LeakyRelu) != 0)
        {
            var slope = Vector128.Create(e.Slope);
            x0 = Vector128.ConditionalSelect(Vector128.LessThan(x0, Vector128<float>.Zero), x0 * slope, x0);
            x1 = Vector128.ConditionalSelect(Vector128.LessThan(x1, Vector128<float>.Zero), x1 * slope, x1);
        }
        if ((flags & SgemmFlags.Clamp) != 0)
        {
            Vector128<float> lo = Vector128.Create(e.Min), hi = Vector128.Create(e.Max);
            x0 = Vector128.MinNative(Vector128.MaxNative(x0, lo), hi);
            x1 = Vector128.MinNative(Vector128.MaxNative(x1, lo), hi);
        }
        x0.Store(c);
        x1.Store(c + 4);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// AVX2+FMA narrow SGEMM micro-kernel: 12 rows (two A panels) × one ymm (8 columns), 12 accumulators,
/// for products at most 8 columns wide. Compiled per row count of the second panel; partial columns
/// use vmaskmov loads and stores.
/// </summary>
internal readonly unsafe struct SgemmKernel_12x8_Avx2 : ISgemmNarrowKernel
{
    public static bool Available => true;
    public static int Width => 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a0, float* a1, float* b, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue e)
    {
        switch (mr - 6)
        {
            case 1: Tile<One>(kc, a0, a1, b, bRowStride, c, ldc, nr, e); break;
            case 2: Tile<Two>(kc, a0, a1, b, bRowStride, c, ldc, nr, e); break;
            case 3: Tile<Three>(kc, a0, a1, b, bRowStride, c, ldc, nr, e); break;
            case 4: Tile<Four>(kc, a0, a1, b, bRowStride, c, ldc, nr, e); break;
            case 5: Tile<Five>(kc, a0, a1, b, bRowStride, c, ldc, nr, e); break;
            default: Tile<Six>(kc, a0, a1, b, bRowStride, c, ldc, nr, e); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TM>(int kc, float* a0, float* a1, float* b, nint rs, float* c, nint ldc, int nr, in SgemmTileEpilogue e) where TM : struct, IVectorCount
    {
        var z = Vector256<float>.Zero;
        Vector256<float> c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z, c8 = z, c9 = z, c10 = z, c11 = z;
        for (int k = 0; k < kc; k++)
        {
            var v = Vector256.Load(b);
            b += rs;
            c0 = Fma.MultiplyAdd(Vector256.Create(a0[0]), v, c0);
            c1 = Fma.MultiplyAdd(Vector256.Create(a0[1]), v, c1);
            c2 = Fma.MultiplyAdd(Vector256.Create(a0[2]), v, c2);
            c3 = Fma.MultiplyAdd(Vector256.Create(a0[3]), v, c3);
            c4 = Fma.MultiplyAdd(Vector256.Create(a0[4]), v, c4);
            c5 = Fma.MultiplyAdd(Vector256.Create(a0[5]), v, c5);
            c6 = Fma.MultiplyAdd(Vector256.Create(a1[0]), v, c6);
            if (TM.Count > 1) c7 = Fma.MultiplyAdd(Vector256.Create(a1[1]), v, c7);
            if (TM.Count > 2) c8 = Fma.MultiplyAdd(Vector256.Create(a1[2]), v, c8);
            if (TM.Count > 3) c9 = Fma.MultiplyAdd(Vector256.Create(a1[3]), v, c9);
            if (TM.Count > 4) c10 = Fma.MultiplyAdd(Vector256.Create(a1[4]), v, c10);
            if (TM.Count > 5) c11 = Fma.MultiplyAdd(Vector256.Create(a1[5]), v, c11);
            a0 += 6;
            a1 += 6;
        }
        var mask = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(nr)).AsSingle();
        Store(c, 0, mask, c0, e);
        Store(c + ldc, 1, mask, c1, e);
        Store(c + 2 * ldc, 2, mask, c2, e);
        Store(c + 3 * ldc, 3, mask, c3, e);
        Store(c + 4 * ldc, 4, mask, c4, e);
        Store(c + 5 * ldc, 5, mask, c5, e);
        Store(c + 6 * ldc, 6, mask, c6, e);
        if (TM.Count > 1) Store(c + 7 * ldc, 7, mask, c7, e);
        if (TM.Count > 2) Store(c + 8 * ldc, 8, mask, c8, e);
        if (TM.Count > 3) Store(c + 9 * ldc, 9, mask, c9, e);
        if (TM.Count > 4) Store(c + 10 * ldc, 10, mask, c10, e);
        if (TM.Count > 5) Store(c + 11 * ldc, 11, mask, c11, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* p, int row, Vector256<float> mask, Vector256<float> x, in SgemmTileEpilogue e)
    {
        var flags = e.Flags;
        if ((flags & SgemmFlags.Accumulate) != 0) x += Avx.MaskLoad(p, mask);
        if ((flags & SgemmFlags.RowBias) != 0) x += Vector256.Create(e.RowBias[row]);
        if ((flags & SgemmFlags.ColumnBias) != 0) x += Avx.MaskLoad(e.ColumnBias, mask);
        if ((flags & SgemmFlags.Residual) != 0) x += Avx.MaskLoad(e.Residual + row * e.ResidualStride, mask);
        if ((flags & SgemmFlags.LeakyRelu) != 0) x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), x * Vector256.Create(e.Slope), x);
        if ((flags & SgemmFlags.Clamp) != 0) x = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(e.Min)), Vector256.Create(e.Max));
        Avx.MaskStore(p, mask, x);
    }
}

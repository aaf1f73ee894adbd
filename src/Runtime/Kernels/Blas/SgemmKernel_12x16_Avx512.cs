using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// AVX-512 narrow SGEMM micro-kernel: 12 rows (two A panels) × one zmm (16 columns), 12 accumulators,
/// for products at most one B panel wide (at most 8 columns go to <see cref="SgemmKernel_12x8_Avx2"/>). Compiled per row count of the second panel; partial columns
/// use masked loads and stores.
/// </summary>
internal readonly unsafe struct SgemmKernel_12x16_Avx512 : ISgemmNarrowKernel
{
    public static bool Available => true;
    public static int Width => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a0, float* a1, float* b, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue e)
    {
        // Eight columns or fewer: half a zmm would idle, and 256-bit FMAs issue twice as fast on
        // CPUs that split 512-bit ones; every AVX-512 CPU has AVX2 and FMA.
        if (nr <= 8)
        {
            SgemmKernel_12x8_Avx2.Run(kc, a0, a1, b, bRowStride, c, ldc, mr, nr, e);
            return;
        }
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
        var z = Vector512<float>.Zero;
        Vector512<float> c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z, c8 = z, c9 = z, c10 = z, c11 = z;
        for (int k = 0; k < kc; k++)
        {
            var v = Vector512.Load(b);
            b += rs;
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[0]), v, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[1]), v, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[2]), v, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[3]), v, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[4]), v, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[5]), v, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[0]), v, c6);
            if (TM.Count > 1) c7 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[1]), v, c7);
            if (TM.Count > 2) c8 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[2]), v, c8);
            if (TM.Count > 3) c9 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[3]), v, c9);
            if (TM.Count > 4) c10 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[4]), v, c10);
            if (TM.Count > 5) c11 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[5]), v, c11);
            a0 += 6;
            a1 += 6;
        }
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(nr)).AsSingle();
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
    private static void Store(float* p, int row, Vector512<float> mask, Vector512<float> x, in SgemmTileEpilogue e)
    {
        var flags = e.Flags;
        var zero = Vector512<float>.Zero;
        if ((flags & SgemmFlags.Accumulate) != 0) x += Avx512F.MaskLoad(p, mask, zero);
        if ((flags & SgemmFlags.RowBias) != 0) x += Vector512.Create(e.RowBias[row]);
        if ((flags & SgemmFlags.ColumnBias) != 0) x += Avx512F.MaskLoad(e.ColumnBias, mask, zero);
        if ((flags & SgemmFlags.Residual) != 0) x += Avx512F.MaskLoad(e.Residual + row * e.ResidualStride, mask, zero);
        if ((flags & SgemmFlags.LeakyRelu) != 0) x = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), x * Vector512.Create(e.Slope), x);
        if ((flags & SgemmFlags.Clamp) != 0) x = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(e.Min)), Vector512.Create(e.Max));
        Avx512F.MaskStore(p, mask, x);
    }
}

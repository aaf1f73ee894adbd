using System.Runtime.CompilerServices;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// The downsampling MaxPool: window 2 at stride 2 along the last axis, window equal to stride (1 or 2)
/// along the rows, no padding, sizes that divide evenly. Neighbour pairs then never straddle a row, so
/// the pool reads its input once, straight through, and <see cref="MaxOfPairs{TS, TV}"/> reduces
/// 2·Count floats to Count outputs; no padded, phase-split copy of each plane as the general
/// <see cref="PoolKernel"/> path needs.
/// </summary>
internal static unsafe class PairMaxPool
{
    [ThreadStatic] private static NativeBuffer? t_pairs;

    public static bool Applies(SpatialGeometry g)
    {
        if (g.Rank > 2) return false;
        for (int d = 0; d < SpatialGeometry.MaxRank; d++)
            if (g.PadBegin[d] != 0 || g.PadEnd[d] != 0 || g.Dilation[d] != 1) return false;
        int kh = g.Kernel[1];
        return g.Kernel[2] == 2 && g.Stride[2] == 2 && g.Input[2] == 2 * g.Output[2]
            && (kh == 1 || kh == 2) && g.Stride[1] == kh && g.Input[1] == kh * g.Output[1];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TS, TV>(SpatialGeometry g, float* x, float* y, int planes) where TS : ISimd<TV> where TV : struct
    {
        int outW = g.Output[2], inW = g.Input[2];
        long outRows = (long)planes * g.Output[1];
        if (g.Kernel[1] == 1)
        {
            Pairs<TS, TV>(x, y, outRows * outW);
            return;
        }
        if (outW >= TS.Count)
        {
            // Wide rows: both input rows reduce in registers, the last block overlaps its neighbour.
            for (long s = 0; s < outRows; s++)
            {
                float* top = x + 2 * s * inW, bottom = top + inW, yRow = y + s * outW;
                for (int j = 0; ; j += TS.Count)
                {
                    if (j + TS.Count > outW) j = outW - TS.Count;
                    var upper = MaxOfPairs<TS, TV>(TS.Load(top + 2 * j), TS.Load(top + 2 * j + TS.Count));
                    var lower = MaxOfPairs<TS, TV>(TS.Load(bottom + 2 * j), TS.Load(bottom + 2 * j + TS.Count));
                    TS.Store(yRow + j, TS.SelectGreater(lower, upper, lower, upper));
                    if (j + TS.Count >= outW) break;
                }
            }
            return;
        }
        // Narrow rows (fewer outputs than lanes): pair up every row at once, then take the larger of
        // each two consecutive pair rows.
        long pairCount = 2 * outRows * outW;
        float* pairs = (float*)(t_pairs ??= new NativeBuffer()).Ensure(pairCount * sizeof(float));
        Pairs<TS, TV>(x, pairs, pairCount);
        for (long s = 0; s < outRows; s++)
        {
            float* upper = pairs + 2 * s * outW, lower = upper + outW, yRow = y + s * outW;
            for (int j = 0; j < outW; j++) yRow[j] = lower[j] > upper[j] ? lower[j] : upper[j];
        }
    }

    /// <summary>dst[i] = max(src[2i], src[2i+1]) for i &lt; n.</summary>
    private static void Pairs<TS, TV>(float* src, float* dst, long n) where TS : ISimd<TV> where TV : struct
    {
        long i = 0;
        for (; i + TS.Count <= n; i += TS.Count)
            TS.Store(dst + i, MaxOfPairs<TS, TV>(TS.Load(src + 2 * i), TS.Load(src + 2 * i + TS.Count)));
        for (; i < n; i++) dst[i] = MaxOfPairs<SimdScalar, float>(src[2 * i], src[2 * i + 1]);
    }

    /// <summary>Lane i is the larger of lanes 2i and 2i+1 of a followed by b; the odd lane wins only
    /// when greater, as in the general pooling path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV MaxOfPairs<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct
    {
        TS.Deinterleave(a, b, out var even, out var odd);
        return TS.SelectGreater(odd, even, odd, even);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Depthwise convolution (group = channels = feature maps, 1-D or 2-D), vectorised along output
/// rows. Each channel's input is first copied into a zero-padded plane split into <c>stride</c>
/// phases (element w of a row goes to phase w mod stride), so every tap of every output row reads
/// contiguous vectors with no bounds checks, whatever the padding, stride and dilation (zero rows
/// above and below take the vertical padding). Outputs accumulate in registers over all taps, four
/// rows at a time so that independent FMA chains keep the units busy even on narrow maps.
/// </summary>
internal static unsafe class DepthwiseConvolution
{
    [ThreadStatic] private static NativeBuffer? t_plane;

    /// <summary>Whether <see cref="Run"/> handles this geometry (no depth axis, a modest window).</summary>
    public static bool Supports(SpatialGeometry g) => g.Input[0] == 1 && g.Kernel[0] == 1 && g.Output[0] == 1 && g.Kernel[2] <= 64 && g.KernelSize <= 1024;

    /// <summary>One image: x [C, H, W], w [C, KH, KW], optional bias [C] and residual z [C, OH, OW], y [C, OH, OW].</summary>
    public static void Run(CpuVariant variant, SpatialGeometry g, int channels, float* x, float* w, float* bias, float* z, float* y, in Activation activation, WorkerPool? workers = null)
    {
        int parts = workers == null ? 1 : Math.Min(workers.Threads, channels);
        if (parts > 1 && (long)channels * g.OutputSize * g.KernelSize >= 1 << 16)
        {
            var job = new Job { Variant = variant, Geometry = g, Channels = channels, X = x, W = w, Bias = bias, Z = z, Y = y, Activation = activation };
            // The job holds the geometry object: pass it by reference (it stays on this frame until every part is done).
            workers!.Run(parts, &RunPart, System.Runtime.CompilerServices.Unsafe.AsPointer(ref job));
            return;
        }
        RunChannels(variant, g, channels, x, w, bias, z, y, activation);
    }

    private struct Job
    {
        public CpuVariant Variant;
        public SpatialGeometry Geometry;
        public int Channels;
        public float* X, W, Bias, Z, Y;
        public Activation Activation;
    }

    /// <summary>One thread's share: a contiguous range of channels.</summary>
    private static void RunPart(void* state, int part, int parts)
    {
        ref var j = ref System.Runtime.CompilerServices.Unsafe.AsRef<Job>(state);
        int per = (j.Channels + parts - 1) / parts, c0 = part * per, count = Math.Min(per, j.Channels - c0);
        if (count <= 0) return;
        var g = j.Geometry;
        long inPlane = g.InputSize, outPlane = g.OutputSize, taps = g.KernelSize;
        RunChannels(j.Variant, g, count, j.X + c0 * inPlane, j.W + c0 * taps, j.Bias == null ? null : j.Bias + c0,
            j.Z == null ? null : j.Z + c0 * outPlane, j.Y + c0 * outPlane, j.Activation);
    }

    private static void RunChannels(CpuVariant variant, SpatialGeometry g, int channels, float* x, float* w, float* bias, float* z, float* y, in Activation activation)
    {
        switch (variant)
        {
            case CpuVariant.Avx512: Run<Simd512, Vector512<float>>(g, channels, x, w, bias, z, y, activation); break;
            case CpuVariant.Avx2: Run<Simd256, Vector256<float>>(g, channels, x, w, bias, z, y, activation); break;
            case CpuVariant.Vector128: Run<Simd128, Vector128<float>>(g, channels, x, w, bias, z, y, activation); break;
            default: Run<SimdScalar, float>(g, channels, x, w, bias, z, y, activation); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TS, TV>(SpatialGeometry g, int channels, float* x, float* w, float* bias, float* z, float* y, in Activation activation)
        where TS : ISimd<TV> where TV : struct
    {
        int inH = g.Input[1], inW = g.Input[2], kh = g.Kernel[1], kw = g.Kernel[2];
        int sh = g.Stride[1], sw = g.Stride[2], dh = g.Dilation[1], dw = g.Dilation[2];
        int padTop = g.PadBegin[1], padLeft = g.PadBegin[2];
        int outH = g.Output[1], outW = g.Output[2];
        int v = TS.Count;
        int outWRounded = (outW + v - 1) / v * v;
        // Padded row width covering every tap of every (rounded-up) output column, per phase.
        int paddedWidth = (outWRounded - 1) * sw + (kw - 1) * dw + 1;
        int phaseLength = (paddedWidth + sw - 1) / sw;
        int rowLength = phaseLength * sw;
        // Zero rows above and below too, so every tap of every output row is inside the plane.
        int rows = Math.Max(inH + padTop, (outH - 1) * sh + (kh - 1) * dh + 1);
        long planeFloats = (long)rows * rowLength;
        float* plane = (float*)(t_plane ??= new NativeBuffer()).Ensure(planeFloats * sizeof(float));
        // The padding rows are zero for every channel: cleared once, only the input rows are copied per channel.
        new Span<float>(plane, padTop * rowLength).Clear();
        new Span<float>(plane + (long)(padTop + inH) * rowLength, (rows - padTop - inH) * rowLength).Clear();
        int taps = kh * kw;
        // Plane offset of each tap (row, phase, column) relative to an output's top-left tap.
        long* tapOffset = stackalloc long[taps];
        for (int r = 0; r < kh; r++)
            for (int t = 0; t < kw; t++)
            {
                int off = t * dw;
                tapOffset[r * kw + t] = (long)r * dh * rowLength + off % sw * phaseLength + off / sw;
            }
        int inPlane = inH * inW, outPlane = outH * outW;
        long rowStep = (long)sh * rowLength;
        for (int ch = 0; ch < channels; ch++)
        {
            float* xc = x + (long)ch * inPlane;
            for (int ih = 0; ih < inH; ih++)
                PhaseSplit.Row<TS, TV>(xc + ih * inW, inW, plane + (long)(padTop + ih) * rowLength, sw, phaseLength, padLeft, 0f);
            float* wc = w + (long)ch * taps;
            float* yc = y + (long)ch * outPlane;
            var b = TS.Splat(bias == null ? 0f : bias[ch]);
            // Four output rows at a time, two vectors each where the row is wide enough: eight
            // independent accumulators hide the FMA latency that one chain of taps per row would expose.
            int oh = 0;
            for (; oh + 4 <= outH; oh += 4)
            {
                float* top = plane + oh * rowStep;
                float* yRow = yc + (long)oh * outW;
                int ow = 0;
                for (; ow + 2 * v <= outWRounded; ow += 2 * v)
                {
                    TV a00 = b, a01 = b, a10 = b, a11 = b, a20 = b, a21 = b, a30 = b, a31 = b;
                    for (int t = 0; t < taps; t++)
                    {
                        var wt = TS.Splat(wc[t]);
                        float* s = top + tapOffset[t] + ow;
                        a00 = TS.MultiplyAdd(wt, TS.Load(s), a00);
                        a01 = TS.MultiplyAdd(wt, TS.Load(s + v), a01);
                        a10 = TS.MultiplyAdd(wt, TS.Load(s + rowStep), a10);
                        a11 = TS.MultiplyAdd(wt, TS.Load(s + rowStep + v), a11);
                        a20 = TS.MultiplyAdd(wt, TS.Load(s + 2 * rowStep), a20);
                        a21 = TS.MultiplyAdd(wt, TS.Load(s + 2 * rowStep + v), a21);
                        a30 = TS.MultiplyAdd(wt, TS.Load(s + 3 * rowStep), a30);
                        a31 = TS.MultiplyAdd(wt, TS.Load(s + 3 * rowStep + v), a31);
                    }
                    StorePart<TS, TV>(yRow + ow, a00, outW - ow);
                    StorePart<TS, TV>(yRow + ow + v, a01, outW - ow - v);
                    StorePart<TS, TV>(yRow + outW + ow, a10, outW - ow);
                    StorePart<TS, TV>(yRow + outW + ow + v, a11, outW - ow - v);
                    StorePart<TS, TV>(yRow + 2 * outW + ow, a20, outW - ow);
                    StorePart<TS, TV>(yRow + 2 * outW + ow + v, a21, outW - ow - v);
                    StorePart<TS, TV>(yRow + 3 * outW + ow, a30, outW - ow);
                    StorePart<TS, TV>(yRow + 3 * outW + ow + v, a31, outW - ow - v);
                }
                for (; ow < outW; ow += v)
                {
                    TV a0 = b, a1 = b, a2 = b, a3 = b;
                    for (int t = 0; t < taps; t++)
                    {
                        var wt = TS.Splat(wc[t]);
                        float* s = top + tapOffset[t] + ow;
                        a0 = TS.MultiplyAdd(wt, TS.Load(s), a0);
                        a1 = TS.MultiplyAdd(wt, TS.Load(s + rowStep), a1);
                        a2 = TS.MultiplyAdd(wt, TS.Load(s + 2 * rowStep), a2);
                        a3 = TS.MultiplyAdd(wt, TS.Load(s + 3 * rowStep), a3);
                    }
                    StorePart<TS, TV>(yRow + ow, a0, outW - ow);
                    StorePart<TS, TV>(yRow + outW + ow, a1, outW - ow);
                    StorePart<TS, TV>(yRow + 2 * outW + ow, a2, outW - ow);
                    StorePart<TS, TV>(yRow + 3 * outW + ow, a3, outW - ow);
                }
            }
            // Rows left over (all of them on maps under four rows high): four vectors of one row at a
            // time, skipping the kernel rows that fall in the vertical padding.
            for (; oh < outH; oh++)
            {
                int r0 = 0, r1 = kh;
                while (r0 < kh && oh * sh + r0 * dh < padTop) r0++;
                while (r1 > r0 && oh * sh + (r1 - 1) * dh >= padTop + inH) r1--;
                OneRow<TS, TV>(plane + oh * rowStep, yc + (long)oh * outW, wc, tapOffset, r0 * kw, r1 * kw, outW, outWRounded, b);
            }
            if (z != null)
            {
                float* zc = z + (long)ch * outPlane;
                int i = 0;
                for (; i + v <= outPlane; i += v) TS.Store(yc + i, TS.Add(TS.Load(yc + i), TS.Load(zc + i)));
                for (; i < outPlane; i++) yc[i] += zc[i];
            }
            VectorActivation.Apply<TS, TV>(yc, outPlane, activation);
        }
    }

    /// <summary>One output row from taps [t0, t1), four vectors at a time (its own method: the JIT
    /// keeps its accumulators in registers better than inside the large block loop).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void OneRow<TS, TV>(float* top, float* yRow, float* wc, long* tapOffset, int t0, int t1, int outW, int outWRounded, TV b)
        where TS : ISimd<TV> where TV : struct
    {
        int v = TS.Count, ow = 0;
        for (; ow + 4 * v <= outWRounded; ow += 4 * v)
        {
            TV a0 = b, a1 = b, a2 = b, a3 = b;
            for (int t = t0; t < t1; t++)
            {
                var wt = TS.Splat(wc[t]);
                float* s = top + tapOffset[t] + ow;
                a0 = TS.MultiplyAdd(wt, TS.Load(s), a0);
                a1 = TS.MultiplyAdd(wt, TS.Load(s + v), a1);
                a2 = TS.MultiplyAdd(wt, TS.Load(s + 2 * v), a2);
                a3 = TS.MultiplyAdd(wt, TS.Load(s + 3 * v), a3);
            }
            StorePart<TS, TV>(yRow + ow, a0, outW - ow);
            StorePart<TS, TV>(yRow + ow + v, a1, outW - ow - v);
            StorePart<TS, TV>(yRow + ow + 2 * v, a2, outW - ow - 2 * v);
            StorePart<TS, TV>(yRow + ow + 3 * v, a3, outW - ow - 3 * v);
        }
        for (; ow < outW; ow += v)
        {
            TV a0 = b;
            for (int t = t0; t < t1; t++) a0 = TS.MultiplyAdd(TS.Splat(wc[t]), TS.Load(top + tapOffset[t] + ow), a0);
            StorePart<TS, TV>(yRow + ow, a0, outW - ow);
        }
    }

    /// <summary>Stores the first <paramref name="count"/> lanes (all when count ≥ Count, none when ≤ 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePart<TS, TV>(float* p, TV value, int count) where TS : ISimd<TV> where TV : struct
    {
        if (count >= TS.Count) TS.Store(p, value);
        else if (count > 0) TS.StorePartial(p, value, count);
    }
}

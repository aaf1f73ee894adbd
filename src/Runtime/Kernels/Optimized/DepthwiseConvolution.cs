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
/// contiguous vectors with no bounds checks, whatever the padding, stride and dilation. Outputs
/// accumulate in registers over all taps, four vectors at a time.
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
        float* plane = (float*)(t_plane ??= new NativeBuffer()).Ensure((long)inH * rowLength * sizeof(float));
        int* tapOffset = stackalloc int[kw];
        for (int t = 0; t < kw; t++)
        {
            int off = t * dw;
            tapOffset[t] = off % sw * phaseLength + off / sw;
        }
        int inPlane = inH * inW, outPlane = outH * outW, taps = kh * kw;
        float* tail = stackalloc float[v];
        for (int ch = 0; ch < channels; ch++)
        {
            float* xc = x + (long)ch * inPlane;
            float* wc = w + (long)ch * taps;
            // The padded, phase-split copy of this channel.
            for (int ih = 0; ih < inH; ih++)
            {
                PhaseSplit.Row(xc + ih * inW, inW, plane + (long)ih * rowLength, sw, phaseLength, padLeft, 0f);
            }
            var b = TS.Splat(bias == null ? 0f : bias[ch]);
            for (int oh = 0; oh < outH; oh++)
            {
                float* yRow = y + (long)ch * outPlane + oh * outW;
                int khLo = 0, khHi = kh;
                int top = oh * sh - padTop;
                while (khLo < kh && top + khLo * dh < 0) khLo++;
                while (khHi > khLo && top + (khHi - 1) * dh >= inH) khHi--;
                int ow = 0;
                for (; ow + 4 * v <= outW; ow += 4 * v)
                {
                    TV a0 = b, a1 = b, a2 = b, a3 = b;
                    for (int r = khLo; r < khHi; r++)
                    {
                        float* row = plane + (long)(top + r * dh) * rowLength + ow;
                        float* wr = wc + r * kw;
                        for (int t = 0; t < kw; t++)
                        {
                            var wt = TS.Splat(wr[t]);
                            float* s = row + tapOffset[t];
                            a0 = TS.MultiplyAdd(wt, TS.Load(s), a0);
                            a1 = TS.MultiplyAdd(wt, TS.Load(s + v), a1);
                            a2 = TS.MultiplyAdd(wt, TS.Load(s + 2 * v), a2);
                            a3 = TS.MultiplyAdd(wt, TS.Load(s + 3 * v), a3);
                        }
                    }
                    TS.Store(yRow + ow, a0);
                    TS.Store(yRow + ow + v, a1);
                    TS.Store(yRow + ow + 2 * v, a2);
                    TS.Store(yRow + ow + 3 * v, a3);
                }
                for (; ow < outW; ow += v)
                {
                    TV a0 = b;
                    for (int r = khLo; r < khHi; r++)
                    {
                        float* row = plane + (long)(top + r * dh) * rowLength + ow;
                        float* wr = wc + r * kw;
                        for (int t = 0; t < kw; t++) a0 = TS.MultiplyAdd(TS.Splat(wr[t]), TS.Load(row + tapOffset[t]), a0);
                    }
                    if (ow + v <= outW) TS.Store(yRow + ow, a0);
                    else
                    {
                        TS.Store(tail, a0);
                        for (int i = 0; ow + i < outW; i++) yRow[ow + i] = tail[i];
                    }
                }
                if (z != null)
                {
                    float* zRow = z + (long)ch * outPlane + oh * outW;
                    int i = 0;
                    for (; i + v <= outW; i += v) TS.Store(yRow + i, TS.Add(TS.Load(yRow + i), TS.Load(zRow + i)));
                    for (; i < outW; i++) yRow[i] += zRow[i];
                }
                VectorActivation.Apply<TS, TV>(yRow, outW, activation);
            }
        }
    }
}

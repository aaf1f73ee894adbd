using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Simd;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// The im2col matrix of one convolution group, described rather than stored: row k is (input
/// channel c, tap kd, kh, kw) in that order (so k runs along the weights' last axes), column n is
/// output position (od, oh, ow), and element (k, n) is the input at
/// (c, od·sd + kd·dd, oh·sh + kh·dh, ow·sw + kw·dw) of an input already padded with zeros and split
/// into <c>sw</c> phases along its rows (<see cref="PrepareInput"/>: column x of a row is element
/// x / sw of phase x mod sw), so packing never tests bounds and the columns of one output row are
/// contiguous whatever the stride. Spatial axes are the normalised three of
/// <see cref="Common.SpatialGeometry"/>.
/// </summary>
internal unsafe struct ConvolutionColumns
{
    /// <summary>First channel of the group in the padded input (or the input itself when unpadded).</summary>
    public float* Input;
    public int Channels;
    /// <summary>Depth and height of the (padded) input planes.</summary>
    public int InD, InH;
    /// <summary>Elements per row phase; a row holds SW phases.</summary>
    public int PhaseLength;
    public int KD, KH, KW;
    public int SD, SH, SW;
    public int DD, DH, DW;
    public int OutD, OutH, OutW;

    public readonly int Taps => KD * KH * KW;
    public readonly int Rows => Channels * Taps;
    public readonly int ColumnCount => OutD * OutH * OutW;

    /// <summary>The extent of padded input a convolution reads along one axis.</summary>
    public static int Extent(int output, int kernel, int stride, int dilation) => (output - 1) * stride + (kernel - 1) * dilation + 1;

    /// <summary>Floats in one row of the prepared input (its SW phases).</summary>
    public readonly int RowLength => SW * PhaseLength;

    /// <summary>
    /// Copies <paramref name="channels"/> planes of size d × h × w into planes of pd × ph rows that
    /// hold <paramref name="stride"/> phases of <paramref name="phaseLength"/> each: the input at
    /// offset (padD, padH, padW), zeros around it and past its end.
    /// </summary>
    public static void PrepareInput(CpuVariant variant, float* src, int channels, int d, int h, int w, float* dst, int pd, int ph, int stride, int phaseLength, int padD, int padH, int padW)
    {
        switch (variant)
        {
            case CpuVariant.Avx512: PrepareInput<Simd512, Vector512<float>>(src, channels, d, h, w, dst, pd, ph, stride, phaseLength, padD, padH, padW); break;
            case CpuVariant.Avx2: PrepareInput<Simd256, Vector256<float>>(src, channels, d, h, w, dst, pd, ph, stride, phaseLength, padD, padH, padW); break;
            case CpuVariant.Vector128: PrepareInput<Simd128, Vector128<float>>(src, channels, d, h, w, dst, pd, ph, stride, phaseLength, padD, padH, padW); break;
            default: PrepareInput<SimdScalar, float>(src, channels, d, h, w, dst, pd, ph, stride, phaseLength, padD, padH, padW); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PrepareInput<TS, TV>(float* src, int channels, int d, int h, int w, float* dst, int pd, int ph, int stride, int phaseLength, int padD, int padH, int padW)
        where TS : ISimd<TV> where TV : struct
    {
        int rowLength = stride * phaseLength;
        for (int c = 0; c < channels; c++)
            for (int zp = 0; zp < pd; zp++)
                for (int yp = 0; yp < ph; yp++)
                {
                    float* o = dst + (((long)c * pd + zp) * ph + yp) * rowLength;
                    int z = zp - padD, y = yp - padH;
                    if ((uint)z >= (uint)d || (uint)y >= (uint)h) new Span<float>(o, rowLength).Clear();
                    else Optimized.PhaseSplit.Row<TS, TV>(src + (((long)c * d + z) * h + y) * w, w, o, stride, phaseLength, padW, 0f);
                }
    }

    /// <summary>
    /// Writes rows [k0, k0 + kc) and columns [n0, n0 + nc) into 16-column panels
    /// (dst[p · panelStride + (k − k0) · 16 + lane]), zero-filling the columns past nc in the last panel.
    /// Each panel reads, for every k, the same 16 offsets from a k-dependent base: a vector copy when
    /// they are contiguous (stride 1 within an output row), a gather otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Pack<TS, TV>(int k0, int kc, int n0, int nc, float* dst, nint panelStride) where TS : ISimd<TV> where TV : struct
    {
        int taps = Taps, khw = KH * KW, rowLength = RowLength;
        long plane = (long)InD * InH * rowLength;
        long* kOffset = stackalloc long[kc];
        for (int kk = 0; kk < kc; kk++)
        {
            int k = k0 + kk;
            int c = k / taps, t = k - c * taps;
            int tkd = t / khw, rem = t - tkd * khw;
            int tkh = rem / KW, tkw = rem - tkh * KW;
            int w = tkw * DW;
            kOffset[kk] = c * plane + ((long)tkd * DD * InH + (long)tkh * DH) * rowLength + w % SW * PhaseLength + w / SW;
        }
        int* offset = stackalloc int[16];
        int* runStart = stackalloc int[17];
        int ow = n0 % OutW, row = n0 / OutW;
        int oh = row % OutH, od = row / OutH;
        for (int p = 0; p * 16 < nc; p++)
        {
            int cols = Math.Min(16, nc - p * 16);
            float* panel = dst + p * panelStride;
            if (cols == 16 && ow + 16 <= OutW)
            {
                // The common case, without working out 16 offsets: the whole panel lies in one output
                // row, so it is one contiguous run of the (phase-split) input for every k.
                int first = ((od * SD * InH) + oh * SH) * rowLength + ow;
                CopyRun<TS, TV>(kc, kOffset, Input + first, panel);
                ow += 16;
                if (ow == OutW)
                {
                    ow = 0;
                    if (++oh == OutH)
                    {
                        oh = 0;
                        od++;
                    }
                }
                continue;
            }
            for (int j = 0; j < cols; j++)
            {
                offset[j] = ((od * SD * InH) + oh * SH) * rowLength + ow;
                if (++ow == OutW)
                {
                    ow = 0;
                    if (++oh == OutH)
                    {
                        oh = 0;
                        od++;
                    }
                }
            }
            // Split the panel's columns into runs of consecutive offsets (one per output row it touches).
            int runs = 0;
            for (int j = 0; j < cols; j++)
            {
                if (j == 0 || offset[j] != offset[j - 1] + 1) runStart[runs++] = j;
            }
            runStart[runs] = cols;
            if (runs == 1 && cols == 16) CopyRun<TS, TV>(kc, kOffset, Input + offset[0], panel);
            else if (runs <= 4)
            {
                for (int kk = 0; kk < kc; kk++)
                {
                    float* s = Input + kOffset[kk];
                    float* o = panel + kk * 16;
                    for (int r = 0; r < runs; r++)
                    {
                        int j = runStart[r], end = runStart[r + 1];
                        float* from = s + offset[j];
                        for (; j + 4 <= end; j += 4, from += 4) Vector128.Load(from).Store(o + j);
                        for (; j < end; j++) o[j] = *from++;
                    }
                    for (int j = cols; j < 16; j++) o[j] = 0;
                }
            }
            else
            {
                for (int kk = 0; kk < kc; kk++)
                {
                    float* s = Input + kOffset[kk];
                    float* o = panel + kk * 16;
                    int j = 0;
                    for (; j < cols; j++) o[j] = s[offset[j]];
                    for (; j < 16; j++) o[j] = 0;
                }
            }
        }
    }

    /// <summary>A panel whose 16 columns are contiguous for every k: panel row kk is the 16 floats at
    /// first + kOffset[kk], copied in the variant's widest vectors (128-bit ones for the scalar variant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRun<TS, TV>(int kc, long* kOffset, float* first, float* panel) where TS : ISimd<TV> where TV : struct
    {
        for (int kk = 0; kk < kc; kk++)
        {
            float* s = first + kOffset[kk];
            float* o = panel + kk * 16;
            if (TS.Count >= 4)
                for (int j = 0; j < 16; j += TS.Count) TS.Store(o + j, TS.Load(s + j));
            else
            {
                Vector128.Load(s).Store(o);
                Vector128.Load(s + 4).Store(o + 4);
                Vector128.Load(s + 8).Store(o + 8);
                Vector128.Load(s + 12).Store(o + 12);
            }
        }
    }
}

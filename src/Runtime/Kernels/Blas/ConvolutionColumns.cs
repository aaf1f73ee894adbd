using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// The im2col matrix of one convolution group, described rather than stored: row k is (input
/// channel c, tap kd, kh, kw) in that order (so k runs along the weights' last axes), column n is
/// output position (od, oh, ow), and element (k, n) is the input at
/// (c, od·sd + kd·dd, oh·sh + kh·dh, ow·sw + kw·dw) of an input already padded with zeros
/// (<see cref="PadInput"/>), so packing never tests bounds. Spatial axes are the normalised three
/// of <see cref="Common.SpatialGeometry"/>.
/// </summary>
internal unsafe struct ConvolutionColumns
{
    /// <summary>First channel of the group in the padded input (or the input itself when unpadded).</summary>
    public float* Input;
    public int Channels;
    /// <summary>Dimensions of the (padded) input planes.</summary>
    public int InD, InH, InW;
    public int KD, KH, KW;
    public int SD, SH, SW;
    public int DD, DH, DW;
    public int OutD, OutH, OutW;

    public readonly int Taps => KD * KH * KW;
    public readonly int Rows => Channels * Taps;
    public readonly int ColumnCount => OutD * OutH * OutW;

    /// <summary>The extent of padded input a convolution reads along one axis.</summary>
    public static int Extent(int output, int kernel, int stride, int dilation) => (output - 1) * stride + (kernel - 1) * dilation + 1;

    /// <summary>
    /// Copies <paramref name="channels"/> planes of size d × h × w into planes of size
    /// pd × ph × pw (the extents the convolution reads), the original at offset (padD, padH, padW)
    /// and zeros around it (and past its end: an extent may stop short of the end padding).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PadInput(float* src, int channels, int d, int h, int w, float* dst, int pd, int ph, int pw, int padD, int padH, int padW)
    {
        long plane = (long)pd * ph * pw;
        new Span<float>(dst, (int)(plane * channels)).Clear();
        int x0 = Math.Max(0, -padW), x1 = Math.Min(w, pw - padW);
        if (x1 <= x0) return;
        for (int c = 0; c < channels; c++)
            for (int z = 0; z < d; z++)
            {
                int zp = z + padD;
                if ((uint)zp >= (uint)pd) continue;
                for (int y = 0; y < h; y++)
                {
                    int yp = y + padH;
                    if ((uint)yp >= (uint)ph) continue;
                    float* s = src + (((long)c * d + z) * h + y) * w + x0;
                    float* o = dst + c * plane + ((long)zp * ph + yp) * pw + x0 + padW;
                    Buffer.MemoryCopy(s, o, (x1 - x0) * sizeof(float), (x1 - x0) * sizeof(float));
                }
            }
    }

    /// <summary>
    /// Writes rows [k0, k0 + kc) and columns [n0, n0 + nc) into 16-column panels
    /// (dst[p · panelStride + (k − k0) · 16 + lane]), zero-filling the columns past nc in the last panel.
    /// Each panel reads, for every k, the same 16 offsets from a k-dependent base: one vector copy when
    /// they are contiguous (stride 1 within an output row), a gather otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Pack(int k0, int kc, int n0, int nc, float* dst, nint panelStride)
    {
        int taps = Taps, khw = KH * KW;
        long plane = (long)InD * InH * InW;
        long* kOffset = stackalloc long[kc];
        for (int kk = 0; kk < kc; kk++)
        {
            int k = k0 + kk;
            int c = k / taps, t = k - c * taps;
            int tkd = t / khw, rem = t - tkd * khw;
            int tkh = rem / KW, tkw = rem - tkh * KW;
            kOffset[kk] = c * plane + ((long)tkd * DD * InH + (long)tkh * DH) * InW + (long)tkw * DW;
        }
        int* offset = stackalloc int[16];
        int ow = n0 % OutW, row = n0 / OutW;
        int oh = row % OutH, od = row / OutH;
        for (int p = 0; p * 16 < nc; p++)
        {
            int cols = Math.Min(16, nc - p * 16);
            for (int j = 0; j < cols; j++)
            {
                offset[j] = ((od * SD * InH) + oh * SH) * InW + ow * SW;
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
            float* panel = dst + p * panelStride;
            bool contiguous = cols == 16;
            for (int j = 1; j < cols && contiguous; j++) contiguous = offset[j] == offset[0] + j;
            if (contiguous)
            {
                int first = offset[0];
                for (int kk = 0; kk < kc; kk++)
                {
                    float* s = Input + kOffset[kk] + first;
                    float* o = panel + kk * 16;
                    Vector128.Load(s).Store(o);
                    Vector128.Load(s + 4).Store(o + 4);
                    Vector128.Load(s + 8).Store(o + 8);
                    Vector128.Load(s + 12).Store(o + 12);
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
}

using System.Runtime.CompilerServices;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// The im2col matrix of one convolution group, described rather than stored: row k is (input
/// channel c, tap kd, kh, kw) in that order (so k runs along the weights' last axes), column n is
/// output position (od, oh, ow), and element (k, n) is the input at
/// (c, od·sd + kd·dd − pd, oh·sh + kh·dh − ph, ow·sw + kw·dw − pw), zero in the padding.
/// Spatial axes are the normalised three of <see cref="Common.SpatialGeometry"/>.
/// </summary>
internal unsafe struct ConvolutionColumns
{
    /// <summary>First input channel of the group, in the current image.</summary>
    public float* Input;
    public int Channels;
    public int InD, InH, InW;
    public int KD, KH, KW;
    public int SD, SH, SW;
    public int DD, DH, DW;
    public int PD, PH, PW;
    public int OutD, OutH, OutW;

    public readonly int Taps => KD * KH * KW;
    public readonly int Rows => Channels * Taps;
    public readonly int ColumnCount => OutD * OutH * OutW;

    /// <summary>
    /// Writes rows [k0, k0 + kc) and columns [n0, n0 + nc) into 16-column panels
    /// (dst[p · panelStride + (k − k0) · 16 + lane]), zero-filling the padding and the columns past
    /// nc in the last panel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void Pack(int k0, int kc, int n0, int nc, float* dst, nint panelStride)
    {
        int taps = Taps, khw = KH * KW, plane = InD * InH * InW;
        int panels = (nc + 15) >> 4;
        int tail = panels * 16 - nc;
        int startOw = n0 % OutW, startRow = n0 / OutW;
        int startOh = startRow % OutH, startOd = startRow / OutH;
        for (int kk = 0; kk < kc; kk++)
        {
            int k = k0 + kk;
            int c = k / taps, t = k - c * taps;
            int tkd = t / khw, rem = t - tkd * khw;
            int tkh = rem / KW, tkw = rem - tkh * KW;
            float* xc = Input + (nint)c * plane;
            int dOff = tkd * DD - PD, hOff = tkh * DH - PH, wOff = tkw * DW - PW;
            // The ow range whose input column is inside the image: ow·sw + wOff in [0, InW).
            int owLo = wOff >= 0 ? 0 : (-wOff + SW - 1) / SW;
            int owHi = InW - wOff <= 0 ? 0 : Math.Min(OutW, (InW - wOff + SW - 1) / SW);
            float* row = dst + (nint)kk * 16;
            int col = 0, ow = startOw, oh = startOh, od = startOd;
            while (col < nc)
            {
                int len = Math.Min(OutW - ow, nc - col);
                int id = od * SD + dOff, ih = oh * SH + hOff;
                if ((uint)id >= (uint)InD || (uint)ih >= (uint)InH || owLo >= owHi)
                {
                    Zero(row, panelStride, col, len);
                }
                else
                {
                    float* src = xc + ((nint)id * InH + ih) * InW + wOff;
                    int end = ow + len;
                    int a = Math.Clamp(owLo, ow, end), b = Math.Clamp(owHi, a, end);
                    if (a > ow) Zero(row, panelStride, col, a - ow);
                    if (b > a) Copy(row, panelStride, col + (a - ow), src + (nint)a * SW, SW, b - a);
                    if (end > b) Zero(row, panelStride, col + (b - ow), end - b);
                }
                col += len;
                ow += len;
                if (ow == OutW)
                {
                    ow = 0;
                    if (++oh == OutH)
                    {
                        oh = 0;
                        od++;
                    }
                }
            }
            if (tail > 0) Zero(row, panelStride, nc, tail);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Zero(float* row, nint panelStride, int col, int len)
    {
        while (len > 0)
        {
            int lane = col & 15, chunk = Math.Min(16 - lane, len);
            new Span<float>(row + (col >> 4) * panelStride + lane, chunk).Clear();
            col += chunk;
            len -= chunk;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(float* row, nint panelStride, int col, float* src, int stride, int len)
    {
        while (len > 0)
        {
            int lane = col & 15, chunk = Math.Min(16 - lane, len);
            float* d = row + (col >> 4) * panelStride + lane;
            if (stride == 1) Buffer.MemoryCopy(src, d, chunk * sizeof(float), chunk * sizeof(float));
            else for (int i = 0; i < chunk; i++) d[i] = src[(nint)i * stride];
            src += (nint)chunk * stride;
            col += chunk;
            len -= chunk;
        }
    }
}

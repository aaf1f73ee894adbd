using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Kernels.Simd;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// The padded, stride-phase-split copy of an input row that the depthwise convolution and pooling
/// kernels read: element q of phase p is input column q · stride + p − padLeft, or the pad value
/// outside the row. With it every window tap is a contiguous run, whatever the stride.
/// </summary>
internal static unsafe class PhaseSplit
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Row<TS, TV>(float* src, int width, float* dst, int stride, int phaseLength, int padLeft, float pad)
        where TS : ISimd<TV> where TV : struct
    {
        if (stride == 1)
        {
            // One phase: padding, the row, padding (short runs: plain loops beat calls).
            int first = Math.Clamp(padLeft, 0, phaseLength);
            int last = Math.Clamp(padLeft + width, first, phaseLength);
            for (int i = 0; i < first; i++) dst[i] = pad;
            float* s = src + (first - padLeft), d = dst + first;
            int n = last - first, j = 0;
            for (; j + 8 <= n; j += 8)
            {
                Vector128.Load(s + j).Store(d + j);
                Vector128.Load(s + j + 4).Store(d + j + 4);
            }
            for (; j < n; j++) d[j] = s[j];
            for (int i = last; i < phaseLength; i++) dst[i] = pad;
            return;
        }
        if (stride == 2 && TS.Count > 1)
        {
            RowStride2<TS, TV>(src, width, dst, phaseLength, padLeft, pad);
            return;
        }
        for (int p = 0; p < stride; p++)
        {
            float* phase = dst + p * phaseLength;
            // q whose column q · stride + p − padLeft lies in [0, width): [lo, hi).
            int offset = p - padLeft;
            int lo = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
            int hi = width - offset <= 0 ? 0 : (width - offset + stride - 1) / stride;
            lo = Math.Min(lo, phaseLength);
            hi = Math.Clamp(hi, lo, phaseLength);
            for (int i = 0; i < lo; i++) phase[i] = pad;
            float* s = src + (long)lo * stride + offset;
            int q = lo;
            for (; q + 4 <= hi; q += 4, s += 4 * stride)
            {
                phase[q] = s[0];
                phase[q + 1] = s[stride];
                phase[q + 2] = s[2 * stride];
                phase[q + 3] = s[3 * stride];
            }
            for (; q < hi; q++, s += stride) phase[q] = *s;
            for (int i = hi; i < phaseLength; i++) phase[i] = pad;
        }
    }

    /// <summary>Stride 2: source column c goes to phase (c + padLeft) mod 2 at (c + padLeft) / 2, so the
    /// even and odd columns of 2·Count floats are one <see cref="ISimd{TV}.Deinterleave"/> away from
    /// their phases. Pads first, then whole vectors, then the columns left over.</summary>
    private static void RowStride2<TS, TV>(float* src, int width, float* dst, int phaseLength, int padLeft, float pad)
        where TS : ISimd<TV> where TV : struct
    {
        new Span<float>(dst, 2 * phaseLength).Fill(pad);
        float* evenPhase = dst + (padLeft & 1) * phaseLength + padLeft / 2;
        float* oddPhase = dst + ((padLeft + 1) & 1) * phaseLength + (padLeft + 1) / 2;
        // Pairs j whose even and odd columns both land inside their phases.
        int pairs = Math.Min(width / 2, phaseLength - (padLeft + 1) / 2);
        int v = TS.Count, j = 0;
        for (; j + v <= pairs; j += v)
        {
            TS.Deinterleave(TS.Load(src + 2 * j), TS.Load(src + 2 * j + v), out var even, out var odd);
            TS.Store(evenPhase + j, even);
            TS.Store(oddPhase + j, odd);
        }
        for (; j < pairs; j++)
        {
            evenPhase[j] = src[2 * j];
            oddPhase[j] = src[2 * j + 1];
        }
        for (int c = 2 * Math.Max(pairs, 0); c < width; c++)
        {
            int q = (c + padLeft) >> 1;
            if (q < phaseLength) dst[((c + padLeft) & 1) * phaseLength + q] = src[c];
        }
    }
}

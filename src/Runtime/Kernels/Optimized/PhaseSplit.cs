using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// The padded, stride-phase-split copy of an input row that the depthwise convolution and pooling
/// kernels read: element q of phase p is input column q · stride + p − padLeft, or the pad value
/// outside the row. With it every window tap is a contiguous run, whatever the stride.
/// </summary>
internal static unsafe class PhaseSplit
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Row(float* src, int width, float* dst, int stride, int phaseLength, int padLeft, float pad)
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
}

using System.Runtime.CompilerServices;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// The padded, stride-phase-split copy of an input row that the depthwise convolution and pooling
/// kernels read: element q of phase p is input column q · stride + p − padLeft, or the pad value
/// outside the row. With it every window tap is a contiguous run, whatever the stride.
/// </summary>
internal static unsafe class PhaseSplit
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row(float* src, int width, float* dst, int stride, int phaseLength, int padLeft, float pad)
    {
        if (stride == 1)
        {
            // One phase: padding, the row, padding.
            int first = Math.Clamp(padLeft, 0, phaseLength);
            int last = Math.Clamp(padLeft + width, first, phaseLength);
            new Span<float>(dst, first).Fill(pad);
            int skip = first - padLeft;
            Buffer.MemoryCopy(src + skip, dst + first, (last - first) * sizeof(float), (last - first) * sizeof(float));
            new Span<float>(dst + last, phaseLength - last).Fill(pad);
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
            new Span<float>(phase, lo).Fill(pad);
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
            new Span<float>(phase + hi, phaseLength - hi).Fill(pad);
        }
    }
}

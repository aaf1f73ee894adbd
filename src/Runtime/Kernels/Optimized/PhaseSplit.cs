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
            for (int q = 0; q < phaseLength; q++)
            {
                int iw = q * stride + p - padLeft;
                phase[q] = (uint)iw < (uint)width ? src[iw] : pad;
            }
        }
    }
}

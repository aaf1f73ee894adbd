using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// Softmax and log-softmax along the lanes of an axis (<see cref="AxisLanes"/>), subtracting the
/// maximum first so large inputs do not overflow. Used by Softmax, LogSoftmax, the attention
/// operators and the softmax cross-entropy loss.
/// </summary>
public static class SoftmaxLoops
{
    /// <summary>y = softmax(x) (or log-softmax) along each lane.</summary>
    public static void Softmax<T>(ReadOnlySpan<T> x, Span<T> y, AxisLanes lanes, bool log) where T : IFloatingPointIeee754<T>
    {
        int n = lanes.Length, stride = lanes.Stride;
        foreach (int start in lanes)
        {
            T max = T.NegativeInfinity;
            for (int k = 0; k < n; k++) max = T.Max(max, x[start + k * stride]);
            T sum = T.Zero;
            for (int k = 0; k < n; k++)
            {
                T e = T.Exp(x[start + k * stride] - max);
                sum += e;
                if (!log) y[start + k * stride] = e;
            }
            if (log)
            {
                T logSum = T.Log(sum);
                for (int k = 0; k < n; k++) y[start + k * stride] = x[start + k * stride] - max - logSum;
            }
            else
            {
                for (int k = 0; k < n; k++) y[start + k * stride] /= sum;
            }
        }
    }

    /// <summary>Softmax of one contiguous row in place. A row that is entirely −∞ becomes all
    /// zeros rather than NaN (fully masked attention rows).</summary>
    public static void SoftmaxRow<T>(Span<T> row) where T : IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        for (int k = 0; k < row.Length; k++) max = T.Max(max, row[k]);
        if (T.IsNegativeInfinity(max))
        {
            row.Clear();
            return;
        }
        T sum = T.Zero;
        for (int k = 0; k < row.Length; k++)
        {
            row[k] = T.Exp(row[k] - max);
            sum += row[k];
        }
        for (int k = 0; k < row.Length; k++) row[k] /= sum;
    }
}

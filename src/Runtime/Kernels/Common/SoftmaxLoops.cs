using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// Softmax and log-softmax over one axis of a tensor seen as [outer, n, inner], subtracting the
/// maximum first so large inputs do not overflow. Used by Softmax, LogSoftmax, Hardmax (the
/// geometry), the attention operators and the softmax cross-entropy loss.
/// </summary>
public static class SoftmaxLoops
{
    /// <summary>
    /// The [outer, n, inner] view of the softmax axis. Opset 13 and later work on axis alone
    /// (default −1); earlier opsets flatten the input to 2-D at axis (default 1) and work on the
    /// whole second part.
    /// </summary>
    public static void Geometry(ReadOnlySpan<long> shape, long axis, bool flattenTo2D, out int outer, out int n, out int inner)
    {
        int rank = shape.Length;
        if (rank == 0)
        {
            outer = n = inner = 1;
            return;
        }
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new EdgeMLException($"axis {axis} is out of range for rank {rank}");
        int ax = (int)a;
        outer = (int)KernelHelpers.Product(shape, 0, ax);
        if (flattenTo2D)
        {
            n = (int)KernelHelpers.Product(shape, ax, rank);
            inner = 1;
        }
        else
        {
            n = (int)shape[ax];
            inner = (int)KernelHelpers.Product(shape, ax + 1, rank);
        }
    }

    /// <summary>y = softmax(x) (or log-softmax) along the middle axis of [outer, n, inner].</summary>
    public static void Softmax<T>(ReadOnlySpan<T> x, Span<T> y, int outer, int n, int inner, bool log) where T : IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                T max = T.NegativeInfinity;
                for (int k = 0; k < n; k++) max = T.Max(max, x[start + k * inner]);
                T sum = T.Zero;
                for (int k = 0; k < n; k++)
                {
                    T e = T.Exp(x[start + k * inner] - max);
                    sum += e;
                    if (!log) y[start + k * inner] = e;
                }
                if (log)
                {
                    T logSum = T.Log(sum);
                    for (int k = 0; k < n; k++) y[start + k * inner] = x[start + k * inner] - max - logSum;
                }
                else
                {
                    for (int k = 0; k < n; k++) y[start + k * inner] /= sum;
                }
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

using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The matrix product every matrix-shaped kernel uses (MatMul, Gemm, the attention family),
/// written once as plain loops. Operands are addressed through row and column strides, so a
/// transposed operand is just swapped strides; the result is a dense row-major block.
/// </summary>
public static class MatrixLoops
{
    /// <summary>
    /// c[m × n] = a[m × k] · b[k × n], where a[i, p] = a[i × aRow + p × aCol] and
    /// b[p, j] = b[p × bRow + j × bCol]; c is row-major with row stride <paramref name="cRow"/>.
    /// When rows of b are contiguous (bCol = 1) the loop runs i-p-j, adding a[i, p] × b[p, :] to
    /// the output row, so the innermost loop reads and writes contiguous memory; otherwise each
    /// element is a dot product along the contiguous axis of b.
    /// </summary>
    public static void Multiply<T>(ReadOnlySpan<T> a, int aRow, int aCol, ReadOnlySpan<T> b, int bRow, int bCol, Span<T> c, int cRow, int m, int k, int n)
        where T : INumber<T>
    {
        if (bCol == 1)
        {
            for (int i = 0; i < m; i++)
            {
                var cRowSpan = c.Slice(i * cRow, n);
                cRowSpan.Clear();
                for (int p = 0; p < k; p++)
                {
                    T aip = a[i * aRow + p * aCol];
                    var bRowSpan = b.Slice(p * bRow, n);
                    for (int j = 0; j < n; j++) cRowSpan[j] += aip * bRowSpan[j];
                }
            }
        }
        else
        {
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    T sum = T.Zero;
                    int ai = i * aRow, bj = j * bCol;
                    for (int p = 0; p < k; p++) sum += a[ai + p * aCol] * b[p * bRow + bj];
                    c[i * cRow + j] = sum;
                }
            }
        }
    }

    /// <summary>c = a · b for dense row-major a [m × k] and b [k × n].</summary>
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n) where T : INumber<T>
        => Multiply(a, k, 1, b, n, 1, c, n, m, k, n);

    /// <summary>c = a · bᵀ for dense row-major a [m × k] and b [n × k] (attention scores).</summary>
    public static void MultiplyTransposed<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n) where T : INumber<T>
        => Multiply(a, k, 1, b, 1, k, c, n, m, k, n);
}

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
    /// element is a dot product along k. Either way the products of one output element are summed
    /// in float (the element type), in order of p except that the i-p-j form adds them four at a time.
    /// </summary>
    public static void Multiply<T>(ReadOnlySpan<T> a, int aRow, int aCol, ReadOnlySpan<T> b, int bRow, int bCol, Span<T> c, int cRow, int m, int k, int n)
        where T : INumber<T>
    {
        if (bCol == 1)
        {
            // i-p-j: rows of b are added into the output row, four at a time so that each output
            // element is read and written once per four products.
            for (int i = 0; i < m; i++)
            {
                var cRowSpan = c.Slice(i * cRow, n);
                cRowSpan.Clear();
                int ai = i * aRow, p = 0;
                for (; p + 4 <= k; p += 4)
                {
                    T a0 = a[ai + p * aCol], a1 = a[ai + (p + 1) * aCol], a2 = a[ai + (p + 2) * aCol], a3 = a[ai + (p + 3) * aCol];
                    var b0 = b.Slice(p * bRow, n);
                    var b1 = b.Slice((p + 1) * bRow, n);
                    var b2 = b.Slice((p + 2) * bRow, n);
                    var b3 = b.Slice((p + 3) * bRow, n);
                    for (int j = 0; j < cRowSpan.Length; j++) cRowSpan[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
                }
                for (; p < k; p++)
                {
                    T aip = a[ai + p * aCol];
                    var bRowSpan = b.Slice(p * bRow, n);
                    for (int j = 0; j < cRowSpan.Length; j++) cRowSpan[j] += aip * bRowSpan[j];
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

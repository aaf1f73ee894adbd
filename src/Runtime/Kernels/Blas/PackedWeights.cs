namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// The prepacked weight layouts of the fast GEMM, the same on every CPU variant (every micro-kernel
/// reads them), so the compiler writes them into the .edgeml once and the device uses them in place:
/// <list type="bullet">
/// <item><b>A panels</b> (the weights of a convolution, C = W · columns): rows in panels of 6, panel p
/// holding rows 6p..6p+5 interleaved by depth: element (i, k) at (i / 6) · K · 6 + k · 6 + i % 6;
/// rows past M are zero. Size ceil(M / 6) · K · 6.</item>
/// <item><b>B panels</b> (the weights of a MatMul or Gemm, C = X · W): columns in panels of 16,
/// element (k, j) at (j / 16) · K · 16 + k · 16 + j % 16; columns past N are zero.
/// Size ceil(N / 16) · K · 16.</item>
/// </list>
/// </summary>
public static class PackedWeights
{
    public const int ARows = Sgemm.PanelRows;
    public const int BColumns = Sgemm.PanelWidth;

    public static long PackedASize(long m, long k) => (m + ARows - 1) / ARows * k * ARows;
    public static long PackedBSize(long k, long n) => (n + BColumns - 1) / BColumns * k * BColumns;

    /// <summary>Packs the row-major M × K matrix <paramref name="a"/> (row stride K) into A panels.</summary>
    public static unsafe void PackA(ReadOnlySpan<float> a, int m, int k, Span<float> packed)
    {
        if (a.Length < (long)m * k || packed.Length < PackedASize(m, k)) throw new ArgumentException("buffer too small");
        if (m == 0 || k == 0) return;
        fixed (float* src = a)
        fixed (float* dst = packed)
            SgemmPacking.PackA(src, k, 1, 0, m, 0, k, dst, (nint)k * ARows);
    }

    /// <summary>Packs the K × N matrix <paramref name="b"/> into B panels; <paramref name="transposed"/>
    /// when it is stored N × K (Gemm transB).</summary>
    public static unsafe void PackB(ReadOnlySpan<float> b, int k, int n, bool transposed, Span<float> packed)
    {
        if (b.Length < (long)k * n || packed.Length < PackedBSize(k, n)) throw new ArgumentException("buffer too small");
        if (n == 0 || k == 0) return;
        fixed (float* src = b)
        fixed (float* dst = packed)
        {
            if (transposed) SgemmPacking.PackB(src, 1, k, 0, k, 0, n, dst, (nint)k * BColumns);
            else SgemmPacking.PackB(src, n, 1, 0, k, 0, n, dst, (nint)k * BColumns);
        }
    }

    /// <summary>Element (i, k) of A panels (for reference kernels reading a packed operand).</summary>
    public static float ReadA(ReadOnlySpan<float> packed, int i, int k, int depth) => packed[i / ARows * depth * ARows + k * ARows + i % ARows];

    /// <summary>Element (k, j) of B panels.</summary>
    public static float ReadB(ReadOnlySpan<float> packed, int k, int j, int depth) => packed[j / BColumns * depth * BColumns + k * BColumns + j % BColumns];
}

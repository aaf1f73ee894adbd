using System.Runtime.CompilerServices;
namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>Scalar SGEMM micro-kernel: 6 rows × 4 columns of accumulators, four times across a
/// 16-column B panel. The fallback for CPUs without a vector unit, and a second opinion in tests.</summary>
internal readonly unsafe struct SgemmKernel_6x4_Scalar : ISgemmKernel
{
    public static int Width => 16;
    public static int DepthBlock => 256;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, nint bPanelStride, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue e)
    {
        float* acc = stackalloc float[24];
        for (int j0 = 0; j0 < nr; j0 += 4)
        {
            new Span<float>(acc, 24).Clear();
            float* ak = a, bk = b + j0;
            for (int k = 0; k < kc; k++, ak += 6, bk += bRowStride)
            {
                float b0 = bk[0], b1 = bk[1], b2 = bk[2], b3 = bk[3];
                for (int r = 0; r < 6; r++)
                {
                    float s = ak[r];
                    float* row = acc + 4 * r;
                    row[0] += s * b0;
                    row[1] += s * b1;
                    row[2] += s * b2;
                    row[3] += s * b3;
                }
            }
            int cols = Math.Min(4, nr - j0);
            for (int r = 0; r < mr; r++)
                for (int j = 0; j < cols; j++)
                    SgemmEdge.Store(c + r * ldc + j0 + j, acc[4 * r + j], r, j0 + j, e);
        }
    }
}

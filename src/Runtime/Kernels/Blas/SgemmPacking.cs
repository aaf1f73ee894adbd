using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>Copies blocks of strided matrices into the panel layouts the micro-kernels read.</summary>
internal static unsafe class SgemmPacking
{
    /// <summary>
    /// A rows [i0, i0 + mc) × depth [k0, k0 + kc) into 6-row panels, panel p at dst + p · panelStride,
    /// element (r, k) at k · 6 + r; rows past mc in the last panel are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, nint rowStride, nint colStride, int i0, int mc, int k0, int kc, float* dst, nint panelStride)
    {
        for (int p = 0; p * Sgemm.PanelRows < mc; p++)
        {
            int rows = Math.Min(Sgemm.PanelRows, mc - p * Sgemm.PanelRows);
            float* d = dst + p * panelStride;
            float* src = a + (nint)(i0 + p * Sgemm.PanelRows) * rowStride + (nint)k0 * colStride;
            if (rows < Sgemm.PanelRows) new Span<float>(d, kc * Sgemm.PanelRows).Clear();
            if (colStride == 1)
            {
                for (int r = 0; r < rows; r++)
                {
                    float* s = src + r * rowStride;
                    for (int k = 0; k < kc; k++) d[k * Sgemm.PanelRows + r] = s[k];
                }
            }
            else if (rowStride == 1 && rows == Sgemm.PanelRows)
            {
                // A transposed: the six values of one k are adjacent.
                for (int k = 0; k < kc; k++)
                {
                    float* s = src + k * colStride;
                    float* o = d + k * Sgemm.PanelRows;
                    o[0] = s[0]; o[1] = s[1]; o[2] = s[2]; o[3] = s[3]; o[4] = s[4]; o[5] = s[5];
                }
            }
            else
            {
                for (int k = 0; k < kc; k++)
                    for (int r = 0; r < rows; r++) d[k * Sgemm.PanelRows + r] = src[r * rowStride + k * colStride];
            }
        }
    }

    /// <summary>
    /// B depth [k0, k0 + kc) × columns [j0, j0 + nc) into 16-column panels, panel p at
    /// dst + p · panelStride, element (k, j) at k · 16 + j; columns past nc are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(float* b, nint rowStride, nint colStride, int k0, int kc, int j0, int nc, float* dst, nint panelStride)
    {
        const int W = Sgemm.PanelWidth;
        for (int p = 0; p * W < nc; p++)
        {
            int cols = Math.Min(W, nc - p * W);
            float* d = dst + p * panelStride;
            float* src = b + (nint)k0 * rowStride + (nint)(j0 + p * W) * colStride;
            if (colStride == 1 && cols == W)
            {
                for (int k = 0; k < kc; k++) Copy16(src + k * rowStride, d + k * W);
            }
            else if (colStride == 1)
            {
                for (int k = 0; k < kc; k++)
                {
                    float* s = src + k * rowStride;
                    float* o = d + k * W;
                    int j = 0;
                    for (; j < cols; j++) o[j] = s[j];
                    for (; j < W; j++) o[j] = 0;
                }
            }
            else
            {
                // B transposed (column-major): walk each column down the depth.
                if (cols < W) new Span<float>(d, kc * W).Clear();
                for (int j = 0; j < cols; j++)
                {
                    float* s = src + j * colStride;
                    for (int k = 0; k < kc; k++) d[k * W + j] = s[k * rowStride];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy16(float* src, float* dst)
    {
        Vector128.Load(src).Store(dst);
        Vector128.Load(src + 4).Store(dst + 4);
        Vector128.Load(src + 8).Store(dst + 8);
        Vector128.Load(src + 12).Store(dst + 12);
    }
}

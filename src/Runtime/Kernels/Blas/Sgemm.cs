using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// Single-precision GEMM, C[M × N] = A[M × K] · B[K × N] with a fused epilogue, blocked for the caches
/// in the manner of GotoBLAS/BLIS: columns in blocks of NC, depth in blocks of the micro-kernel's
/// DepthBlock, rows in blocks of MC; each block of B is packed into 16-column panels (unless it came
/// prepacked), each block of A into 6-row panels (likewise), and a register-tiled micro-kernel
/// (<see cref="ISgemmKernel"/>, one per CPU variant) computes 6 × Width tiles.
/// </summary>
internal static unsafe class Sgemm
{
    /// <summary>Rows of an A panel (the micro-kernels' tile height).</summary>
    public const int PanelRows = 6;
    /// <summary>Columns of a B panel.</summary>
    public const int PanelWidth = 16;
    private const int RowBlock = 96;
    private const int ColumnBlock = 512;

    /// <summary>C = epilogue(A · B); C is row-major with row stride <paramref name="ldc"/> and must
    /// not overlap A, B or the residual.</summary>
    public static void Multiply(CpuVariant variant, int m, int n, int k, in SgemmOperand a, in SgemmOperand b, float* c, nint ldc, in SgemmEpilogue epilogue, WorkerPool? workers = null)
    {
        if (m <= 0 || n <= 0) return;
        if (workers != null && workers.Threads > 1 && (long)m * n * Math.Max(k, 1) >= ParallelWork)
        {
            MultiplyInParallel(variant, m, n, k, a, b, c, ldc, epilogue, workers);
            return;
        }
        MultiplyOnThisThread(variant, m, n, k, a, b, c, ldc, epilogue);
    }

    /// <summary>Products smaller than this many multiply-adds stay on one thread.</summary>
    private const long ParallelWork = 1 << 18;

    private struct ParallelJob
    {
        public CpuVariant Variant;
        public int M, N, K;
        public SgemmOperand A, B;
        public float* C;
        public nint Ldc;
        public SgemmEpilogue Epilogue;
        public bool SplitColumns;
        public int Step;
    }

    /// <summary>Splits the columns (or, for narrow products, the rows) into one range per thread, on
    /// kernel-tile boundaries; each thread packs and multiplies its range with its own scratch.</summary>
    private static void MultiplyInParallel(CpuVariant variant, int m, int n, int k, in SgemmOperand a, in SgemmOperand b, float* c, nint ldc, in SgemmEpilogue epilogue, WorkerPool workers)
    {
        int threads = workers.Threads;
        bool splitColumns = n >= 2 * 64;
        int unit = splitColumns ? 64 : 2 * PanelRows;
        int extent = splitColumns ? n : m;
        int units = (extent + unit - 1) / unit;
        int parts = Math.Min(threads, units);
        if (parts < 2)
        {
            MultiplyOnThisThread(variant, m, n, k, a, b, c, ldc, epilogue);
            return;
        }
        var job = new ParallelJob
        {
            Variant = variant, M = m, N = n, K = k, A = a, B = b, C = c, Ldc = ldc, Epilogue = epilogue,
            SplitColumns = splitColumns, Step = (units + parts - 1) / parts * unit,
        };
        workers.Run(parts, &RunPart, &job);
    }

    private static void RunPart(void* state, int part, int parts)
    {
        ref var j = ref *(ParallelJob*)state;
        int start = part * j.Step;
        var ep = j.Epilogue;
        if (j.SplitColumns)
        {
            if (start >= j.N) return;
            int count = Math.Min(j.Step, j.N - start);
            if (ep.ColumnBias != null) ep.ColumnBias += start;
            if (ep.Residual != null) ep.Residual += start;
            MultiplyOnThisThread(j.Variant, j.M, count, j.K, j.A, j.B.FromColumn(start, j.K), j.C + start, j.Ldc, ep);
        }
        else
        {
            if (start >= j.M) return;
            int count = Math.Min(j.Step, j.M - start);
            if (ep.RowBias != null) ep.RowBias += start * ep.RowBiasStride;
            if (ep.Residual != null) ep.Residual += start * ep.ResidualRowStride;
            MultiplyOnThisThread(j.Variant, count, j.N, j.K, j.A.FromRow(start, j.K), j.B, j.C + start * j.Ldc, j.Ldc, ep);
        }
    }

    private static void MultiplyOnThisThread(CpuVariant variant, int m, int n, int k, in SgemmOperand a, in SgemmOperand b, float* c, nint ldc, in SgemmEpilogue epilogue)
    {
        // A short, row-major B (a pointwise convolution's input) is read in place rather than packed:
        // the copy would cost as much as the few rows of A it serves. Only for the 64-column AVX-512
        // kernel, which reads four panels (256 contiguous bytes) of each B row; narrower kernels would
        // touch a new page every k and are faster on packed panels. Whole panels only; the last
        // partial panel is packed.
        if (variant == CpuVariant.Avx512 && b.Layout == SgemmLayout.Strided && b.ColumnStride == 1 && m <= DirectRows && n >= PanelWidth && k > 0)
        {
            int whole = n / PanelWidth * PanelWidth;
            var direct = b;
            direct.Layout = SgemmLayout.Direct;
            Dispatch(variant, m, whole, k, a, direct, c, ldc, epilogue);
            if (whole == n) return;
            var ep = epilogue;
            if (ep.ColumnBias != null) ep.ColumnBias += whole;
            if (ep.Residual != null) ep.Residual += whole;
            Dispatch(variant, m, n - whole, k, a, b.FromColumn(whole, k), c + whole, ldc, ep);
            return;
        }
        Dispatch(variant, m, n, k, a, b, c, ldc, epilogue);
    }

    /// <summary>Products with at most this many rows read a row-major B in place.</summary>
    private const int DirectRows = 48;

    private static void Dispatch(CpuVariant variant, int m, int n, int k, in SgemmOperand a, in SgemmOperand b, float* c, nint ldc, in SgemmEpilogue epilogue)
    {
        switch (variant)
        {
            case CpuVariant.Avx512: Run<SgemmKernel_6x64_Avx512, SgemmKernel_12x16_Avx512, Simd512, Vector512<float>>(m, n, k, a, b, c, ldc, epilogue); break;
            case CpuVariant.Avx2 when SgemmKernel_6x32_Avx2.Usable: Run<SgemmKernel_6x32_Avx2, SgemmKernel_12x8_Avx2, Simd256, Vector256<float>>(m, n, k, a, b, c, ldc, epilogue); break;
            case CpuVariant.Avx2: Run<SgemmKernel_6x16_Avx2, SgemmKernel_12x8_Avx2, Simd256, Vector256<float>>(m, n, k, a, b, c, ldc, epilogue); break;
            case CpuVariant.Vector128: Run<SgemmKernel_6x8_Vector128, NoNarrowKernel, Simd128, Vector128<float>>(m, n, k, a, b, c, ldc, epilogue); break;
            default: Run<SgemmKernel_6x4_Scalar, NoNarrowKernel, SimdScalar, float>(m, n, k, a, b, c, ldc, epilogue); break;
        }
    }

    /// <summary>For tests: one product with a given micro-kernel (a variant may have two, such as AVX2's
    /// 16- and 32-register kernels), on this thread, B packed or strided as given.</summary>
    internal static void MultiplyWithKernel<TK, TN, TS, TV>(int m, int n, int k, in SgemmOperand a, in SgemmOperand b, float* c, nint ldc, in SgemmEpilogue epilogue)
        where TK : ISgemmKernel where TN : ISgemmNarrowKernel where TS : ISimd<TV> where TV : struct
    {
        if (m > 0 && n > 0) Run<TK, TN, TS, TV>(m, n, k, a, b, c, ldc, epilogue);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TK, TN, TS, TV>(int m, int n, int k, in SgemmOperand a, in SgemmOperand b, float* c, nint ldc, in SgemmEpilogue ep)
        where TK : ISgemmKernel where TN : ISgemmNarrowKernel where TS : ISimd<TV> where TV : struct
    {
        // What the micro-kernel does in registers, and what is left for the pass over each tile.
        bool kernelBiases = ep.Alpha == 1 && ep.Beta == 1 && (ep.RowBias == null || ep.RowBiasStride == 1);
        bool kernelRowBias = kernelBiases && ep.RowBias != null;
        bool kernelColumnBias = kernelBiases && ep.ColumnBias != null;
        bool kernelResidual = kernelBiases && ep.Residual != null;
        bool leaky = ep.Activation.Kind is ActivationKind.LeakyRelu or ActivationKind.LeakyReluMax;
        bool kernelClamp = kernelBiases && ep.Activation.Kind != ActivationKind.None && (ep.Activation.IsClamp || ep.Activation.Kind == ActivationKind.LeakyReluMax);
        bool kernelLeakyRelu = kernelBiases && leaky;
        bool post = !kernelBiases || (ep.Activation.Kind != ActivationKind.None && !kernelClamp && !kernelLeakyRelu);
        if (k == 0)
        {
            for (int i = 0; i < m; i++) new Span<float>(c + i * ldc, n).Clear();
            Post<TS, TV>(c, ldc, 0, m, 0, n, ep, biasesDone: false, activationDone: false);
            return;
        }

        int width = TK.Width;
        // The depth block keeps a call's B panels in L1: deeper when the product is narrower than the kernel.
        int usedWidth = Math.Min(width, (n + PanelWidth - 1) / PanelWidth * PanelWidth);
        int kcMax = Math.Min(512, TK.DepthBlock * width / usedWidth);
        int ncMax = Math.Max(width, ColumnBlock / width * width);
        float* packedB = b.Layout is SgemmLayout.Packed or SgemmLayout.Direct ? null : SgemmScratch.B((long)kcMax * ((Math.Min(n, ncMax) + PanelWidth - 1) / PanelWidth * PanelWidth));
        float* packedA = a.Layout == SgemmLayout.Packed ? null : SgemmScratch.A((long)kcMax * ((Math.Min(m, RowBlock) + PanelRows - 1) / PanelRows * PanelRows));
        SgemmTileEpilogue tile = default;
        tile.Min = ep.Activation.ClampMin;
        tile.Max = ep.Activation.ClampMax;
        tile.Slope = ep.Activation.Alpha;

        for (int jc = 0; jc < n; jc += ncMax)
        {
            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                bool last = pc + kc == k;
                float* bp;
                nint bps, brs = PanelWidth;
                switch (b.Layout)
                {
                    case SgemmLayout.Packed:
                        bp = b.Data + (nint)(jc / PanelWidth) * k * PanelWidth + (nint)pc * PanelWidth;
                        bps = (nint)k * PanelWidth;
                        break;
                    case SgemmLayout.Direct:
                        bp = b.Data + (nint)pc * b.RowStride + jc;
                        bps = PanelWidth;
                        brs = b.RowStride;
                        break;
                    case SgemmLayout.Im2Col:
                        bp = packedB;
                        bps = (nint)kc * PanelWidth;
                        b.Columns->Pack<TS, TV>(pc, kc, jc + b.ColumnOffset, nc, bp, bps);
                        break;
                    default:
                        bp = packedB;
                        bps = (nint)kc * PanelWidth;
                        SgemmPacking.PackB(b.Data, b.RowStride, b.ColumnStride, pc, kc, jc, nc, bp, bps);
                        break;
                }
                var flags = SgemmFlags.None;
                if (pc > 0) flags |= SgemmFlags.Accumulate;
                if (last && kernelRowBias) flags |= SgemmFlags.RowBias;
                if (last && kernelColumnBias) flags |= SgemmFlags.ColumnBias;
                if (last && kernelClamp) flags |= SgemmFlags.Clamp;
                if (last && kernelLeakyRelu) flags |= SgemmFlags.LeakyRelu;
                if (last && kernelResidual) flags |= SgemmFlags.Residual;
                tile.Flags = flags;

                for (int ic = 0; ic < m; ic += RowBlock)
                {
                    int mc = Math.Min(RowBlock, m - ic);
                    float* ap;
                    nint aps;
                    if (a.Layout == SgemmLayout.Packed)
                    {
                        ap = a.Data + (nint)(ic / PanelRows) * k * PanelRows + (nint)pc * PanelRows;
                        aps = (nint)k * PanelRows;
                    }
                    else
                    {
                        ap = packedA;
                        aps = (nint)kc * PanelRows;
                        SgemmPacking.PackA(a.Data, a.RowStride, a.ColumnStride, ic, mc, pc, kc, ap, aps);
                    }
                    for (int jr = 0; jr < nc; jr += width)
                    {
                        int nr = Math.Min(width, nc - jr);
                        int col = jc + jr;
                        tile.ColumnBias = ep.ColumnBias == null ? null : ep.ColumnBias + col;
                        tile.ResidualStride = ep.ResidualRowStride;
                        float* bPanel = bp + (jr / PanelWidth) * bps;
                        int ir = 0;
                        if (TN.Available && nr <= TN.Width)
                        {
                            // Narrow product: two A panels per call for more independent accumulators.
                            for (; ir + PanelRows < mc; ir += 2 * PanelRows)
                            {
                                int row = ic + ir;
                                tile.RowBias = ep.RowBias == null ? null : ep.RowBias + row;
                                tile.Residual = ep.Residual == null ? null : ep.Residual + row * ep.ResidualRowStride + col;
                                float* a0 = ap + (ir / PanelRows) * aps;
                                TN.Run(kc, a0, a0 + aps, bPanel, brs, c + row * ldc + col, ldc, Math.Min(2 * PanelRows, mc - ir), nr, tile);
                            }
                        }
                        for (; ir < mc; ir += PanelRows)
                        {
                            int row = ic + ir;
                            tile.RowBias = ep.RowBias == null ? null : ep.RowBias + row;
                            tile.Residual = ep.Residual == null ? null : ep.Residual + row * ep.ResidualRowStride + col;
                            TK.Run(kc, ap + (ir / PanelRows) * aps, bPanel, bps, brs, c + row * ldc + col, ldc, Math.Min(PanelRows, mc - ir), nr, tile);
                        }
                        if (last && post) Post<TS, TV>(c, ldc, ic, mc, col, nr, ep, biasesDone: kernelBiases, activationDone: kernelClamp || kernelLeakyRelu);
                    }
                }
            }
        }
    }

    /// <summary>The epilogue terms the micro-kernel did not apply (biases and residual when it did not
    /// apply them, the activation unless it was a clamp), over rows [i0, i0 + rows) and columns
    /// [j0, j0 + cols) of C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Post<TS, TV>(float* c, nint ldc, int i0, int rows, int j0, int cols, in SgemmEpilogue ep, bool biasesDone, bool activationDone)
        where TS : ISimd<TV> where TV : struct
    {
        var alpha = TS.Splat(ep.Alpha);
        var beta = TS.Splat(ep.Beta);
        for (int i = i0; i < i0 + rows; i++)
        {
            float* y = c + i * ldc + j0;
            float* res = ep.Residual == null ? null : ep.Residual + i * ep.ResidualRowStride + j0;
            if (!biasesDone)
            {
                float rb = ep.RowBias == null ? 0 : ep.RowBias[i * ep.RowBiasStride];
                float* cb = ep.ColumnBias == null ? null : ep.ColumnBias + j0;
                var rbv = TS.Splat(rb);
                int j = 0;
                for (; j <= cols - TS.Count; j += TS.Count)
                {
                    var t = rbv;
                    if (cb != null) t = TS.Add(t, TS.Load(cb + j));
                    if (res != null) t = TS.Add(t, TS.Load(res + j));
                    TS.Store(y + j, TS.MultiplyAdd(beta, t, TS.Multiply(alpha, TS.Load(y + j))));
                }
                for (; j < cols; j++)
                {
                    float t = rb;
                    if (cb != null) t += cb[j];
                    if (res != null) t += res[j];
                    y[j] = ep.Beta * t + ep.Alpha * y[j];
                }
            }
            if (!activationDone) VectorActivation.Apply<TS, TV>(y, cols, ep.Activation);
        }
    }
}

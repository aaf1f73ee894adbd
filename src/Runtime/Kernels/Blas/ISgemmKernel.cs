namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// A register-tiled SGEMM micro-kernel: C[mr × nr] (+)= A-panel · B-panels for one K block, then
/// the epilogue. The A panel is <see cref="Sgemm.PanelRows"/> rows interleaved by k (a[k · 6 + r]);
/// B panels are <see cref="Sgemm.PanelWidth"/> columns, row k of a panel <c>bRowStride</c> floats after
/// row k − 1 (16 when packed, the row length of B when read in place), one panel after another
/// <c>bPanelStride</c> floats apart; a kernel reads up to <see cref="Width"/> / 16 of them. Rows beyond mr and columns beyond nr are computed from zero padding and never stored.
/// Implementations are named after the register tile and the instruction set they use.
/// </summary>
internal unsafe interface ISgemmKernel
{
    /// <summary>Columns one call covers: a multiple of <see cref="Sgemm.PanelWidth"/>.</summary>
    static abstract int Width { get; }

    /// <summary>Depth of one K block (sized so a call's B panels stay in the L1 cache).</summary>
    static abstract int DepthBlock { get; }

    static abstract void Run(int kc, float* a, float* b, nint bPanelStride, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue epilogue);
}

/// <summary>What a micro-kernel does with its tile besides the product (see <see cref="SgemmFlags"/>).
/// Pointers are already offset to the tile's first row and column.</summary>
internal unsafe struct SgemmTileEpilogue
{
    public SgemmFlags Flags;
    /// <summary>One value per row of the tile (the output channel's bias of a convolution).</summary>
    public float* RowBias;
    /// <summary>One value per column of the tile (the bias of a Gemm or MatMul).</summary>
    public float* ColumnBias;
    /// <summary>A matrix added element by element (a residual), row stride <see cref="ResidualStride"/>.</summary>
    public float* Residual;
    public nint ResidualStride;
    /// <summary>Bounds of <see cref="SgemmFlags.Clamp"/>.</summary>
    public float Min, Max;
    /// <summary>The negative slope of <see cref="SgemmFlags.LeakyRelu"/>.</summary>
    public float Slope;
}

[Flags]
internal enum SgemmFlags
{
    None = 0,
    /// <summary>Add the product to what C already holds (every K block after the first).</summary>
    Accumulate = 1,
    /// <summary>Add <see cref="SgemmTileEpilogue.RowBias"/>.</summary>
    RowBias = 2,
    /// <summary>Add <see cref="SgemmTileEpilogue.ColumnBias"/>.</summary>
    ColumnBias = 4,
    /// <summary>Clamp to [Min, Max] last (ReLU, Clip; after LeakyRelu for LeakyReluMax).</summary>
    Clamp = 8,
    /// <summary>Add <see cref="SgemmTileEpilogue.Residual"/>.</summary>
    Residual = 16,
    /// <summary>x &lt; 0 ? Slope · x : x (LeakyRelu), before any clamp, in registers rather than a pass over the tile.</summary>
    LeakyRelu = 32,
}

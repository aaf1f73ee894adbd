namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>
/// A micro-kernel for products only one B panel wide (a convolution over a few output positions, a
/// handful of columns): two A panels (12 rows) against one B panel, so enough independent
/// accumulators hide the FMA latency that a 6-row tile of one vector would expose. Rows 6 and up
/// come from the second panel, <c>a1</c>.
/// </summary>
internal unsafe interface ISgemmNarrowKernel
{
    /// <summary>Whether the variant has one (false: the driver uses its 6-row kernel throughout).</summary>
    static abstract bool Available { get; }

    /// <summary>Columns one call covers (at most one B panel).</summary>
    static abstract int Width { get; }

    static abstract void Run(int kc, float* a0, float* a1, float* b, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue epilogue);
}

/// <summary>No narrow kernel (the 128-bit and scalar variants).</summary>
internal readonly unsafe struct NoNarrowKernel : ISgemmNarrowKernel
{
    public static bool Available => false;
    public static int Width => 0;
    public static void Run(int kc, float* a0, float* a1, float* b, nint bRowStride, float* c, nint ldc, int mr, int nr, in SgemmTileEpilogue epilogue) => throw new InvalidOperationException();
}

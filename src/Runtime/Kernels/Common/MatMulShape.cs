using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The shapes of numpy.matmul, shared by the reference and the fast MatMul: A [..., M, K] times
/// B [..., K, N] is [batch..., M, N], the batch axes broadcast. A 1-D A is one row and a 1-D B one
/// column; the axis each adds is left out of Y.
/// </summary>
public readonly ref struct MatMulShape
{
    public readonly long M, K, N;

    /// <summary>The broadcast batch axes of Y, and those of A and B (empty for a matrix or vector).</summary>
    public readonly ReadOnlySpan<long> Batch, ABatch, BBatch;

    private readonly bool _rowsInY, _columnsInY;

    /// <summary>The shapes of A · B; <paramref name="batch"/> (<see cref="Broadcast.MaxRank"/> long)
    /// holds the broadcast batch axes.</summary>
    public MatMulShape(KernelContext context, Tensor a, Tensor b, Span<long> batch)
    {
        var aShape = a.Shape;
        var bShape = b.Shape;
        M = a.Rank == 1 ? 1 : aShape[^2];
        K = aShape[^1];
        long kb = b.Rank == 1 ? bShape[0] : bShape[^2];
        N = b.Rank == 1 ? 1 : bShape[^1];
        if (K != kb) throw context.Error($"shapes {Tensor.ShapeText(aShape)} and {Tensor.ShapeText(bShape)} cannot be multiplied ({K} != {kb})");
        ABatch = a.Rank > 2 ? aShape[..^2] : default;
        BBatch = b.Rank > 2 ? bShape[..^2] : default;
        Batch = batch[..Broadcast.Shape(ABatch, BBatch, batch, "MatMul batch dimensions")];
        _rowsInY = a.Rank > 1;
        _columnsInY = b.Rank > 1;
    }

    /// <summary>Y's shape, written into <paramref name="shape"/> (<see cref="Batch"/>.Length + 2 long).</summary>
    public ReadOnlySpan<long> OutputShape(Span<long> shape)
    {
        Batch.CopyTo(shape);
        int rank = Batch.Length;
        if (_rowsInY) shape[rank++] = M;
        if (_columnsInY) shape[rank++] = N;
        return shape[..rank];
    }
}

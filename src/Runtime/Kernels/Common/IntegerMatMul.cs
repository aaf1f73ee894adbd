using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The integer matrix product of MatMulInteger and QLinearMatMul: numpy.matmul shapes (1-D
/// operands promoted, batch dimensions broadcast), 8-bit operands minus their zero points,
/// products summed in int32 (wrapping on overflow, as ONNX allows). Zero points (and, for
/// QLinearMatMul, scales) are per tensor, per row of A ([M] or [..., M, 1]) or per column of B
/// ([N] or [..., 1, N]).
/// </summary>
public sealed class IntegerMatMul
{
    private int[] _a = [];
    private int[] _b = [];

    /// <summary>Output shape of matmul(a, b) into <paramref name="shape"/>; returns its rank and the
    /// matrix sizes. The batch shape is the output shape without its matrix dimensions.</summary>
    public static int OutputShape(ReadOnlySpan<long> a, ReadOnlySpan<long> b, Span<long> shape, out int m, out int k, out int n, out int batchRank)
    {
        if (a.Length == 0 || b.Length == 0) throw new EdgeMLException("matmul operands must have rank 1 or more");
        long ak = a[^1], am = a.Length >= 2 ? a[^2] : 1;
        long bn = b.Length >= 2 ? b[^1] : 1, bk = b.Length >= 2 ? b[^2] : b[0];
        if (ak != bk) throw new EdgeMLException($"matmul inner dimensions differ: {Tensor.ShapeText(a)} and {Tensor.ShapeText(b)}");
        int aBatch = Math.Max(a.Length - 2, 0), bBatch = Math.Max(b.Length - 2, 0);
        Span<long> batch = stackalloc long[Broadcast.MaxRank];
        batchRank = Broadcast.Shape(a[..aBatch], b[..bBatch], batch, "matmul batch dimensions");
        int rank = 0;
        for (int i = 0; i < batchRank; i++) shape[rank++] = batch[i];
        if (a.Length >= 2) shape[rank++] = am;
        if (b.Length >= 2) shape[rank++] = bn;
        m = (int)am;
        k = (int)ak;
        n = (int)bn;
        return rank;
    }

    /// <summary>Element offset of batch <paramref name="flat"/> (an index into the broadcast batch
    /// <paramref name="batch"/>) in a tensor shaped <paramref name="shape"/> whose last
    /// <paramref name="matrixRank"/> dimensions are the matrix.</summary>
    public static long BatchOffset(ReadOnlySpan<long> shape, int matrixRank, ReadOnlySpan<long> batch, long flat)
    {
        int own = shape.Length - matrixRank;
        long stride = KernelHelpers.Product(shape, own, shape.Length);
        long offset = 0;
        for (int d = batch.Length - 1, j = own - 1; d >= 0; d--, j--)
        {
            long index = flat % batch[d];
            flat /= batch[d];
            if (j < 0) continue;
            if (shape[j] != 1) offset += index * stride;
            stride *= shape[j];
        }
        return offset;
    }

    /// <summary>Index into a per-row parameter of A (scalar, [M] or [..., M, 1]) for output batch
    /// <paramref name="flat"/> and row <paramref name="row"/>.</summary>
    public static int RowParameterIndex(Tensor p, ReadOnlySpan<long> batch, long flat, int row)
    {
        if (p.Length == 1) return 0;
        if (p.Rank == 1) return row;
        long rows = p.Shape[^2];
        return (int)(BatchOffset(p.Shape, 2, batch, flat) + (rows == 1 ? 0 : row * p.Shape[^1]));
    }

    /// <summary>Index into a per-column parameter of B (scalar, [N] or [..., 1, N]).</summary>
    public static int ColumnParameterIndex(Tensor p, ReadOnlySpan<long> batch, long flat, int column)
    {
        if (p.Length == 1) return 0;
        if (p.Rank == 1) return column;
        long columns = p.Shape[^1];
        return (int)(BatchOffset(p.Shape, 2, batch, flat) + (columns == 1 ? 0 : column));
    }

    /// <summary>Checks that a zero point or scale fits A (per row) or B (per column).</summary>
    public static void CheckParameter(Tensor p, Tensor matrix, bool perRow, string what)
    {
        if (p.Length == 1) return;
        long expected = perRow ? (matrix.Rank >= 2 ? matrix.Shape[^2] : 1) : (matrix.Rank >= 2 ? matrix.Shape[^1] : 1);
        if (p.Rank == 1)
        {
            if (p.Shape[0] != expected) throw new EdgeMLException($"{what} has {p.Shape[0]} values; expected 1 or {expected}");
            return;
        }
        if (p.Rank != matrix.Rank) throw new EdgeMLException($"{what} shape {Tensor.ShapeText(p.Shape)} does not fit {Tensor.ShapeText(matrix.Shape)}");
        long last = p.Shape[^1], second = p.Shape[^2];
        bool ok = perRow ? last == 1 && (second == 1 || second == expected) : second == 1 && (last == 1 || last == expected);
        for (int d = 0; d < p.Rank - 2 && ok; d++) ok = p.Shape[d] == 1 || p.Shape[d] == matrix.Shape[d];
        if (!ok) throw new EdgeMLException($"{what} shape {Tensor.ShapeText(p.Shape)} does not fit {Tensor.ShapeText(matrix.Shape)}");
    }

    /// <summary>Reads an int8 or uint8 value (or any small integer type) as int.</summary>
    public static int ReadInt(Tensor t, int i) => t.Type switch
    {
        DataType.UInt8 => t.ReadOnlySpan<byte>()[i],
        DataType.Int8 => t.ReadOnlySpan<sbyte>()[i],
        DataType.Int32 => t.ReadOnlySpan<int>()[i],
        _ => throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} is not an 8-bit integer type"),
    };

    /// <summary>
    /// Computes the int32 product into <paramref name="result"/> (length batch * M * N, the output
    /// layout). Zero points may be null (0).
    /// </summary>
    public void Multiply(Tensor a, Tensor? aZeroPoint, Tensor b, Tensor? bZeroPoint, Span<int> result)
    {
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank = OutputShape(a.Shape, b.Shape, shape, out int m, out int k, out int n, out int batchRank);
        ReadOnlySpan<long> batch = shape[..batchRank];
        long batches = Broadcast.Count(batch);
        if (aZeroPoint != null) CheckParameter(aZeroPoint, a, true, "a_zero_point");
        if (bZeroPoint != null) CheckParameter(bZeroPoint, b, false, "b_zero_point");

        ToInts(a, ref _a);
        ToInts(b, ref _b);
        int aMatrixRank = Math.Min(a.Rank, 2), bMatrixRank = Math.Min(b.Rank, 2);
        for (long bi = 0; bi < batches; bi++)
        {
            int aOff = (int)BatchOffset(a.Shape, aMatrixRank, batch, bi);
            int bOff = (int)BatchOffset(b.Shape, bMatrixRank, batch, bi);
            int yOff = (int)(bi * m * n);
            for (int r = 0; r < m; r++)
            {
                int za = aZeroPoint == null ? 0 : ReadInt(aZeroPoint, RowParameterIndex(aZeroPoint, batch, bi, r));
                for (int c = 0; c < n; c++)
                {
                    int zb = bZeroPoint == null ? 0 : ReadInt(bZeroPoint, ColumnParameterIndex(bZeroPoint, batch, bi, c));
                    int acc = 0;
                    int ai = aOff + r * k, bj = bOff + c;
                    for (int i = 0; i < k; i++, bj += n) acc += (_a[ai + i] - za) * (_b[bj] - zb);
                    result[yOff + r * n + c] = acc;
                }
            }
        }
        _ = rank;
    }

    private static void ToInts(Tensor t, ref int[] buffer)
    {
        int count = (int)t.Length;
        if (buffer.Length < count) buffer = new int[count];
        switch (t.Type)
        {
            case DataType.UInt8:
                var u = t.ReadOnlySpan<byte>();
                for (int i = 0; i < count; i++) buffer[i] = u[i];
                break;
            case DataType.Int8:
                var s = t.ReadOnlySpan<sbyte>();
                for (int i = 0; i < count; i++) buffer[i] = s[i];
                break;
            default: throw new EdgeMLException($"'{t.Name}': {DataTypeInfo.Name(t.Type)} is not int8 or uint8");
        }
    }
}

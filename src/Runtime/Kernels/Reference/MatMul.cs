using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MatMul: numpy.matmul. The last two axes are matrices, leading axes broadcast; a 1-D A is a row
/// vector and a 1-D B a column vector, whose axis is removed from the result. float16 and bfloat16
/// are computed in float32.
/// </summary>
public sealed class MatMul : Kernel
{
    private float[]? _a, _b, _y;

    public static Kernel Create(KernelInfo info) => new MatMul();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (a.Type != b.Type) throw context.Error($"input types differ: {DataTypeInfo.Name(a.Type)} and {DataTypeInfo.Name(b.Type)}");
        if (a.Rank < 1 || b.Rank < 1) throw context.Error("MatMul inputs must have rank 1 or more");
        var aShape = a.Shape;
        var bShape = b.Shape;
        long m = a.Rank == 1 ? 1 : aShape[^2], k = aShape[^1];
        long kb = b.Rank == 1 ? bShape[0] : bShape[^2], n = b.Rank == 1 ? 1 : bShape[^1];
        if (k != kb) throw context.Error($"shapes {Tensor.ShapeText(aShape)} and {Tensor.ShapeText(bShape)} cannot be multiplied ({k} != {kb})");
        var aBatch = a.Rank > 2 ? aShape[..^2] : default;
        var bBatch = b.Rank > 2 ? bShape[..^2] : default;
        Span<long> batch = stackalloc long[Broadcast.MaxRank];
        int batchRank = Broadcast.Shape(aBatch, bBatch, batch, "MatMul batch dimensions");
        Span<long> shape = stackalloc long[batchRank + 2];
        batch[..batchRank].CopyTo(shape);
        int rank = batchRank;
        if (a.Rank > 1) shape[rank++] = m;
        if (b.Rank > 1) shape[rank++] = n;
        y.Allocate(a.Type, shape[..rank]);
        var dims = new Dims(batch[..batchRank], aBatch, bBatch, (int)m, (int)k, (int)n);
        switch (a.Type)
        {
            case DataType.Float: Run(a.ReadOnlySpan<float>(), b.ReadOnlySpan<float>(), y.Span<float>(), dims); break;
            case DataType.Double: Run(a.ReadOnlySpan<double>(), b.ReadOnlySpan<double>(), y.Span<double>(), dims); break;
            case DataType.Int32: Run(a.ReadOnlySpan<int>(), b.ReadOnlySpan<int>(), y.Span<int>(), dims); break;
            case DataType.Int64: Run(a.ReadOnlySpan<long>(), b.ReadOnlySpan<long>(), y.Span<long>(), dims); break;
            case DataType.UInt32: Run(a.ReadOnlySpan<uint>(), b.ReadOnlySpan<uint>(), y.Span<uint>(), dims); break;
            case DataType.UInt64: Run(a.ReadOnlySpan<ulong>(), b.ReadOnlySpan<ulong>(), y.Span<ulong>(), dims); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(a, ref _a), FloatStaging.Widen(b, ref _b), ys, dims);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(a.Type)} is not supported");
        }
    }

    private readonly ref struct Dims(ReadOnlySpan<long> batch, ReadOnlySpan<long> aBatch, ReadOnlySpan<long> bBatch, int m, int k, int n)
    {
        public readonly ReadOnlySpan<long> Batch = batch, ABatch = aBatch, BBatch = bBatch;
        public readonly int M = m, K = k, N = n;
    }

    private static void Run<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y, Dims d) where T : INumber<T>
    {
        int rank = d.Batch.Length;
        int aSize = d.M * d.K, bSize = d.K * d.N, ySize = d.M * d.N;
        if (ySize == 0) return;
        if (rank == 0)
        {
            MatrixLoops.Multiply(a, b, y, d.M, d.K, d.N);
            return;
        }
        // Strides in whole matrices; 0 along broadcast axes.
        Span<long> aStrides = stackalloc long[rank];
        Span<long> bStrides = stackalloc long[rank];
        Span<long> index = stackalloc long[rank];
        Broadcast.Strides(d.ABatch, d.Batch, aStrides);
        Broadcast.Strides(d.BBatch, d.Batch, bStrides);
        index.Clear();
        long count = Broadcast.Count(d.Batch);
        long aOffset = 0, bOffset = 0;
        for (long i = 0; i < count; i++)
        {
            MatrixLoops.Multiply(a.Slice((int)(aOffset * aSize), aSize), b.Slice((int)(bOffset * bSize), bSize), y.Slice((int)(i * ySize), ySize), d.M, d.K, d.N);
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                index[axis]++;
                aOffset += aStrides[axis];
                bOffset += bStrides[axis];
                if (index[axis] < d.Batch[axis]) break;
                aOffset -= aStrides[axis] * d.Batch[axis];
                bOffset -= bStrides[axis] * d.Batch[axis];
                index[axis] = 0;
            }
        }
    }
}

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
        Span<long> batch = stackalloc long[Broadcast.MaxRank];
        var dims = new MatMulShape(context, a, b, batch);
        Span<long> shape = stackalloc long[dims.Batch.Length + 2];
        y.Allocate(a.Type, dims.OutputShape(shape));
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

    private static void Run<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y, MatMulShape d) where T : INumber<T>
    {
        int m = (int)d.M, k = (int)d.K, n = (int)d.N;
        int rank = d.Batch.Length;
        int aSize = m * k, bSize = k * n, ySize = m * n;
        if (ySize == 0) return;
        if (rank == 0)
        {
            MatrixLoops.Multiply(a, b, y, m, k, n);
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
            MatrixLoops.Multiply(a.Slice((int)(aOffset * aSize), aSize), b.Slice((int)(bOffset * bSize), bSize), y.Slice((int)(i * ySize), ySize), m, k, n);
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

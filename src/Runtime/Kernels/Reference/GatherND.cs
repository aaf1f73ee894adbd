using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>GatherND: each row of the last indices dimension (length k) indexes the first k axes of the
/// data after the batch_dims leading batch axes (opset 12+); output indices.shape[:-1] + data.shape[batch_dims + k:].</summary>
public sealed class GatherND : Kernel
{
    private readonly int _batchDims;
    private GatherND(int batchDims) => _batchDims = batchDims;

    public static Kernel Create(KernelInfo info)
    {
        long b = info.Attributes.GetInt("batch_dims", 0);
        if (b < 0) throw info.Error($"batch_dims {b} must not be negative");
        return new GatherND((int)b);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var indices = context.Input(1);
        var y = context.Output(0);
        int r = x.Rank, q = indices.Rank, b = _batchDims;
        if (q < 1 || r < 1) throw context.Error("data and indices must have rank 1 or more");
        if (b >= Math.Min(q, r)) throw context.Error($"batch_dims {b} must be less than the ranks of data ({r}) and indices ({q})");
        for (int d = 0; d < b; d++) if (x.Dim(d) != indices.Dim(d)) throw context.Error($"batch dimension {d} differs between data and indices");
        int k = (int)indices.Dim(q - 1);
        if (k < 1 || b + k > r) throw context.Error($"index tuples of length {k} do not fit data of rank {r} with {b} batch dims");
        int outRank = q - 1 + r - b - k;
        if (outRank > Broadcast.MaxRank) throw context.Error($"output rank {outRank} exceeds {Broadcast.MaxRank}");
        Span<long> shape = stackalloc long[outRank];
        int n = 0;
        for (int d = 0; d < q - 1; d++) shape[n++] = indices.Dim(d);
        for (int d = b + k; d < r; d++) shape[n++] = x.Dim(d);
        y.Allocate(x.Type, shape);
        Span<long> strides = stackalloc long[r];
        Broadcast.DenseStrides(x.Shape, strides);
        long inner = KernelHelpers.Product(x.Shape, b + k, r);
        long batches = KernelHelpers.Product(x.Shape, 0, b);
        long perBatch = KernelHelpers.Product(indices.Shape, b, q - 1);
        long batchStride = b > 0 ? strides[b - 1] : 0;
        for (long batch = 0; batch < batches; batch++)
        {
            for (long t = 0; t < perBatch; t++)
            {
                long tuple = batch * perBatch + t;
                long offset = batch * batchStride;
                for (int j = 0; j < k; j++)
                {
                    long c = Indexing.Normalize(Indexing.Read(indices, tuple * k + j), x.Dim(b + j), b + j);
                    offset += c * strides[b + j];
                }
                ElementCopy.Copy(x, offset, y, tuple * inner, inner);
            }
        }
    }
}

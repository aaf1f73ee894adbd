using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ScatterND: a copy of the data where each row of the last indices dimension (length k)
/// selects a slice data[i0, ..., ik-1] that is replaced by (or combined with, under 'reduction',
/// opset 16+ add and mul, 18+ max and min) the matching slice of the updates, in order.</summary>
public sealed class ScatterND : Kernel
{
    private readonly ScatterReduction _reduction;
    private ScatterND(ScatterReduction reduction) => _reduction = reduction;

    public static Kernel Create(KernelInfo info) => new ScatterND(ScatterReductions.Parse(info));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var indices = context.Input(1);
        var updates = context.Input(2);
        var y = context.Output(0);
        int r = x.Rank, q = indices.Rank;
        if (q < 1) throw context.Error("indices must have rank 1 or more");
        int k = (int)indices.Dim(q - 1);
        if (k > r) throw context.Error($"index tuples of length {k} do not fit data of rank {r}");
        if (updates.Type != x.Type) throw context.Error("updates must have the type of the data");
        if (updates.Rank != q - 1 + r - k) throw context.Error($"updates {Tensor.ShapeText(updates.Shape)} do not match indices {Tensor.ShapeText(indices.Shape)} and data {Tensor.ShapeText(x.Shape)}");
        for (int d = 0; d < q - 1; d++) if (updates.Dim(d) != indices.Dim(d)) throw context.Error("updates do not match the indices' shape");
        for (int d = k; d < r; d++) if (updates.Dim(q - 1 + d - k) != x.Dim(d)) throw context.Error("updates do not match the data's shape");
        if (!ScatterReductions.Supports(_reduction, x.Type)) throw context.Error($"reduction {_reduction.ToString().ToLowerInvariant()} does not support {DataTypeInfo.Name(x.Type)}");
        y.CopyFrom(x);
        if (r > Broadcast.MaxRank) throw context.Error($"rank {r} exceeds {Broadcast.MaxRank}");
        Span<long> strides = stackalloc long[r];
        Broadcast.DenseStrides(x.Shape, strides);
        long inner = KernelHelpers.Product(x.Shape, k, r);
        long tuples = KernelHelpers.Product(indices.Shape, 0, q - 1);
        for (long t = 0; t < tuples; t++)
        {
            long offset = 0;
            for (int j = 0; j < k; j++) offset += Indexing.Normalize(Indexing.Read(indices, t * k + j), x.Dim(j), j) * strides[j];
            ScatterReductions.Apply(_reduction, updates, t * inner, y, offset, inner);
        }
    }
}

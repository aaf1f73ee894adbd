using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ScatterElements: a copy of the data where, for each element of the updates, the element
/// at the same position but with the axis coordinate taken from the indices is replaced (or combined
/// with the 'reduction', opset 16+: add, mul; 18+: max, min). Updates are applied in order, so with
/// reduction none the last duplicate wins. Also the kernel of the deprecated Scatter.</summary>
public sealed class ScatterElements : Kernel
{
    private readonly long _axis;
    private readonly ScatterReduction _reduction;

    private ScatterElements(long axis, ScatterReduction reduction)
    {
        _axis = axis;
        _reduction = reduction;
    }

    public static Kernel Create(KernelInfo info) => new ScatterElements(info.Attributes.GetInt("axis", 0), ScatterReductions.Parse(info));

    public override void Execute(KernelContext context) => Run(context, _axis, _reduction);

    internal static void Run(KernelContext context, long axisAttribute, ScatterReduction reduction)
    {
        var x = context.Input(0);
        var indices = context.Input(1);
        var updates = context.Input(2);
        var y = context.Output(0);
        int rank = x.Rank;
        if (indices.Rank != rank || updates.Rank != rank) throw context.Error($"data, indices and updates must have the same rank ({rank})");
        for (int d = 0; d < rank; d++)
            if (indices.Dim(d) != updates.Dim(d)) throw context.Error($"indices {Tensor.ShapeText(indices.Shape)} and updates {Tensor.ShapeText(updates.Shape)} differ in shape");
        if (updates.Type != x.Type) throw context.Error("updates must have the type of the data");
        if (!ScatterReductions.Supports(reduction, x.Type)) throw context.Error($"reduction {reduction.ToString().ToLowerInvariant()} does not support {DataTypeInfo.Name(x.Type)}");
        y.CopyFrom(x);
        if (updates.Length == 0) return;
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        int axis = KernelHelpers.NormalizeAxis(axisAttribute, rank);
        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, strides);
        Span<long> index = stackalloc long[rank];
        index.Clear();
        long dim = x.Dim(axis);
        for (long j = 0; j < updates.Length; j++)
        {
            long offset = 0;
            for (int d = 0; d < rank; d++)
            {
                long c = d == axis ? Indexing.Normalize(Indexing.Read(indices, j), dim, axis) : index[d];
                if (c >= x.Dim(d)) throw context.Error($"updates are larger than the data on axis {d}");
                offset += c * strides[d];
            }
            ScatterReductions.Apply(reduction, updates, j, y, offset, 1);
            IndexMaps.Next(index, updates.Shape);
        }
    }
}

using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>GatherElements: y[i0..,i_axis,..] = x[i0.., indices[i0..,i_axis,..], ..]; the output has
/// the shape of the indices, which may be smaller than the data on any axis.</summary>
public sealed class GatherElements : Kernel
{
    private readonly long _axis;
    private int[] _map = [];

    private GatherElements(long axis) => _axis = axis;

    public static Kernel Create(KernelInfo info) => new GatherElements(info.Attributes.GetInt("axis", 0));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var indices = context.Input(1);
        var y = context.Output(0);
        int rank = x.Rank;
        if (indices.Rank != rank) throw context.Error($"indices have rank {indices.Rank}, data rank {rank}");
        if (rank == 0 || rank > Broadcast.MaxRank) throw context.Error($"rank {rank} is not supported");
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        y.Allocate(x.Type, indices.Shape);
        if (y.Length == 0) return;
        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, strides);
        Span<long> index = stackalloc long[rank];
        index.Clear();
        var map = Scratch.Ensure(ref _map, y.Length);
        long dim = x.Dim(axis);
        for (int j = 0; j < map.Length; j++)
        {
            long offset = 0;
            for (int d = 0; d < rank; d++)
            {
                long c = d == axis ? Indexing.Normalize(Indexing.Read(indices, j), dim, axis) : index[d];
                if (c >= x.Dim(d)) throw context.Error($"indices are larger than the data on axis {d}");
                offset += c * strides[d];
            }
            map[j] = (int)offset;
            IndexMaps.Next(index, indices.Shape);
        }
        ElementCopy.Gather(x, map, y);
    }
}

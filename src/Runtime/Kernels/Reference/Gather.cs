using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Gather: picks slices of the data along one axis by index (negative indices count from
/// the end); output shape data[:axis] + indices.shape + data[axis+1:].</summary>
public sealed class Gather : Kernel
{
    private readonly long _axis;
    private Gather(long axis) => _axis = axis;

    public static Kernel Create(KernelInfo info) => new Gather(info.Attributes.GetInt("axis", 0));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var indices = context.Input(1);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank == 0) throw context.Error("data must have rank 1 or more");
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        int outRank = rank - 1 + indices.Rank;
        if (outRank > Broadcast.MaxRank) throw context.Error($"output rank {outRank} exceeds {Broadcast.MaxRank}");
        Span<long> shape = stackalloc long[outRank];
        int k = 0;
        for (int d = 0; d < axis; d++) shape[k++] = x.Dim(d);
        for (int d = 0; d < indices.Rank; d++) shape[k++] = indices.Dim(d);
        for (int d = axis + 1; d < rank; d++) shape[k++] = x.Dim(d);
        y.Allocate(x.Type, shape);
        long dim = x.Dim(axis);
        long outer = KernelHelpers.Product(x.Shape, 0, axis);
        long inner = KernelHelpers.Product(x.Shape, axis + 1, rank);
        long count = indices.Length;
        for (long j = 0; j < count; j++)
        {
            long index = Indexing.Read(indices, j);
            if (index < -dim || index >= dim) throw context.Error($"index {index} is out of range [{-dim}, {dim - 1}] on axis {axis}");
            if (index < 0) index += dim;
            for (long o = 0; o < outer; o++) ElementCopy.Copy(x, (o * dim + index) * inner, y, (o * count + j) * inner, inner);
        }
    }
}

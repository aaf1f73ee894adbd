using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Tile: repeats the input repeats[d] times along each dimension d. Opset 1 instead takes
/// a scalar count of tiles and the axis to tile as inputs.</summary>
public sealed class Tile : Kernel
{
    private readonly bool _legacy;
    private int[] _map = [];

    private Tile(bool legacy) => _legacy = legacy;

    public static Kernel Create(KernelInfo info) => new Tile(info.Version < 6);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        Span<long> repeats = stackalloc long[Broadcast.MaxRank];
        if (_legacy)
        {
            repeats.Fill(1);
            int axis = KernelHelpers.NormalizeAxis(KernelHelpers.ReadInt64Scalar(context.Input(2)), rank);
            repeats[axis] = KernelHelpers.ReadInt64Scalar(context.Input(1));
        }
        else if (KernelHelpers.ReadInt64s(context.Input(1), repeats) != rank)
            throw context.Error($"'repeats' must have one value per input dimension ({rank})");
        Span<long> shape = stackalloc long[rank];
        for (int d = 0; d < rank; d++)
        {
            if (repeats[d] < 0) throw context.Error($"repeats[{d}] is negative");
            shape[d] = x.Dim(d) * repeats[d];
        }
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, strides);
        Span<long> index = stackalloc long[rank];
        index.Clear();
        var map = Scratch.Ensure(ref _map, y.Length);
        for (int j = 0; j < map.Length; j++)
        {
            long offset = 0;
            for (int d = 0; d < rank; d++) offset += index[d] % x.Dim(d) * strides[d];
            map[j] = (int)offset;
            IndexMaps.Next(index, shape);
        }
        ElementCopy.Gather(x, map, y);
    }
}

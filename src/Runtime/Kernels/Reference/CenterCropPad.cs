using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>CenterCropPad: crops or zero-pads each listed axis (all axes by default) to the given
/// size, keeping the input centred; an odd difference puts the extra element at the end.</summary>
public sealed class CenterCropPad : Kernel
{
    private readonly long[]? _axes;
    private int[] _map = [];

    private CenterCropPad(long[]? axes) => _axes = axes;

    public static Kernel Create(KernelInfo info) => new CenterCropPad(info.Attributes.GetIntsOrNull("axes"));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        if (rank > Broadcast.MaxRank) throw context.Error($"rank {rank} exceeds {Broadcast.MaxRank}");
        Span<long> sizes = stackalloc long[Broadcast.MaxRank];
        int n = KernelHelpers.ReadInt64s(context.Input(1), sizes);
        int axisCount = _axes?.Length ?? rank;
        if (n != axisCount) throw context.Error($"shape has {n} values for {axisCount} axes");
        Span<long> shape = stackalloc long[rank];
        Span<long> shift = stackalloc long[rank]; // input coordinate = output coordinate + shift
        x.Shape.CopyTo(shape);
        shift.Clear();
        Span<bool> seen = stackalloc bool[rank];
        seen.Clear();
        for (int i = 0; i < axisCount; i++)
        {
            int d = _axes != null ? KernelHelpers.NormalizeAxis(_axes[i], rank) : i;
            if (seen[d]) throw context.Error($"axis {d} is listed twice");
            seen[d] = true;
            long dim = x.Dim(d), s = sizes[i];
            if (s < 0) throw context.Error($"size {s} is negative");
            shape[d] = s;
            shift[d] = s <= dim ? (dim - s) / 2 : -((s - dim) / 2);
        }
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        ElementCopy.Clear(y);
        Span<long> strides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, strides);
        Span<long> index = stackalloc long[rank];
        index.Clear();
        var map = Scratch.Ensure(ref _map, y.Length);
        for (int j = 0; j < map.Length; j++)
        {
            long offset = 0;
            for (int d = 0; d < rank; d++)
            {
                long c = index[d] + shift[d];
                if (c < 0 || c >= x.Dim(d))
                {
                    offset = -1;
                    break;
                }
                offset += c * strides[d];
            }
            map[j] = (int)offset;
            IndexMaps.Next(index, shape);
        }
        ElementCopy.Gather(x, map, y);
    }
}

using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Trilu: keeps the upper (upper=1: j - i &gt;= k) or lower (upper=0: j - i &lt;= k) triangle
/// of each matrix in the last two dimensions and zeroes the rest; k is an optional scalar input.</summary>
public sealed class Trilu : Kernel
{
    private readonly bool _upper;
    private int[] _map = [];

    private Trilu(bool upper) => _upper = upper;

    public static Kernel Create(KernelInfo info) => new Trilu(info.Attributes.GetInt("upper", 1) != 0);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank < 2) throw context.Error($"input must have rank 2 or more, not {x.Rank}");
        long k = context.OptionalInput(1) is { } kt ? KernelHelpers.ReadInt64Scalar(kt) : 0;
        y.Allocate(x.Type, x.Shape);
        ElementCopy.Clear(y);
        long rows = x.Dim(x.Rank - 2), cols = x.Dim(x.Rank - 1);
        var map = Scratch.Ensure(ref _map, y.Length);
        for (int j = 0; j < map.Length; j++)
        {
            long c = j % cols, r = j / cols % rows;
            bool keep = _upper ? c - r >= k : c - r <= k;
            map[j] = keep ? j : -1;
        }
        ElementCopy.Gather(x, map, y);
    }
}

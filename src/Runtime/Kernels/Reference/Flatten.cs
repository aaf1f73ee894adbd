using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Flatten: a 2-D view [d0*...*d(axis-1), d(axis)*...*d(n-1)] of the input; axis in [-rank, rank].</summary>
public sealed class Flatten : Kernel
{
    private readonly long _axis;
    private Flatten(long axis) => _axis = axis;

    public static Kernel Create(KernelInfo info) => new Flatten(info.Attributes.GetInt("axis", 1));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        long axis = _axis < 0 ? _axis + x.Rank : _axis;
        if (axis < 0 || axis > x.Rank) throw context.Error($"axis {_axis} is out of range for rank {x.Rank}");
        Span<long> shape = stackalloc long[2];
        shape[0] = KernelHelpers.Product(x.Shape, 0, (int)axis);
        shape[1] = KernelHelpers.Product(x.Shape, (int)axis, x.Rank);
        y.Allocate(x.Type, shape);
        ElementCopy.CopyAll(x, y);
    }
}

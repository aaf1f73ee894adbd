using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Expand: broadcasts the input to the broadcast of its shape and the given shape (so a
/// dimension of 1 in the given shape keeps the input's).</summary>
public sealed class Expand : Kernel
{
    private int[] _map = [];

    public static Kernel Create(KernelInfo info) => new Expand();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        Span<long> target = stackalloc long[Broadcast.MaxRank];
        int n = KernelHelpers.ReadInt64s(context.Input(1), target);
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank;
        try
        {
            rank = Broadcast.Shape(x.Shape, target[..n], shape, "input and shape");
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
        shape = shape[..rank];
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        Span<long> strides = stackalloc long[rank];
        Broadcast.Strides(x.Shape, shape, strides);
        var map = Scratch.Ensure(ref _map, y.Length);
        IndexMaps.Strided(shape, strides, 0, map);
        ElementCopy.Gather(x, map, y);
    }
}

using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Concat: joins the inputs along one axis; every other dimension must agree.</summary>
public sealed class Concat : Kernel
{
    private readonly long _axis;
    private Concat(long axis) => _axis = axis;

    public static Kernel Create(KernelInfo info)
    {
        if (!info.Attributes.Has("axis") && info.Version >= 4) throw info.Error("attribute 'axis' is required");
        return new Concat(info.Attributes.GetInt("axis", 1));
    }

    public override void Execute(KernelContext context)
    {
        var first = context.Input(0);
        var y = context.Output(0);
        int rank = first.Rank;
        if (rank == 0) throw context.Error("cannot concatenate scalars");
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        Span<long> shape = stackalloc long[rank];
        first.Shape.CopyTo(shape);
        long total = 0;
        for (int i = 0; i < context.InputCount; i++)
        {
            var x = context.Input(i);
            if (x.Rank != rank || x.Type != first.Type) throw context.Error($"input {i} is {x}, which cannot be concatenated with {first}");
            for (int d = 0; d < rank; d++)
                if (d != axis && x.Dim(d) != shape[d]) throw context.Error($"input {i} is {x}, which cannot be concatenated with {first} along axis {axis}");
            total += x.Dim(axis);
        }
        shape[axis] = total;
        y.Allocate(first.Type, shape);
        long outer = KernelHelpers.Product(shape, 0, axis);
        long inner = KernelHelpers.Product(shape, axis + 1, rank);
        long outRow = total * inner;
        long offset = 0;
        for (int i = 0; i < context.InputCount; i++)
        {
            var x = context.Input(i);
            long row = x.Dim(axis) * inner;
            for (long o = 0; o < outer; o++) ElementCopy.Copy(x, o * row, y, o * outRow + offset, row);
            offset += row;
        }
    }
}

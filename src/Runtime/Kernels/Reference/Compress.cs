using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Compress: keeps the slices along 'axis' whose condition entry is true (entries past the
/// condition's end count as false); without 'axis' the input is flattened first.</summary>
public sealed class Compress : Kernel
{
    private readonly long? _axis;
    private Compress(long? axis) => _axis = axis;

    public static Kernel Create(KernelInfo info) => new Compress(info.Attributes.Has("axis") ? info.Attributes.GetInt("axis", 0) : null);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var condition = context.Input(1);
        var y = context.Output(0);
        if (condition.Type != DataType.Bool) throw context.Error($"condition must be bool, not {DataTypeInfo.Name(condition.Type)}");
        if (condition.Rank != 1) throw context.Error("condition must be 1-D");
        var cond = condition.ReadOnlySpan<byte>();
        int axis;
        long dim, outer, inner;
        if (_axis is { } a)
        {
            axis = KernelHelpers.NormalizeAxis(a, x.Rank);
            dim = x.Dim(axis);
            outer = KernelHelpers.Product(x.Shape, 0, axis);
            inner = KernelHelpers.Product(x.Shape, axis + 1, x.Rank);
        }
        else
        {
            axis = -1;
            dim = x.Length;
            outer = inner = 1;
        }
        if (cond.Length > dim) throw context.Error($"condition has {cond.Length} entries, more than the {dim} slices");
        long kept = 0;
        for (int i = 0; i < cond.Length; i++) if (cond[i] != 0) kept++;
        if (axis < 0)
        {
            Span<long> flat = [kept];
            y.Allocate(x.Type, flat);
        }
        else
        {
            Span<long> shape = stackalloc long[x.Rank];
            x.Shape.CopyTo(shape);
            shape[axis] = kept;
            y.Allocate(x.Type, shape);
        }
        for (long o = 0; o < outer; o++)
        {
            long n = 0;
            for (int i = 0; i < cond.Length; i++)
            {
                if (cond[i] == 0) continue;
                ElementCopy.Copy(x, (o * dim + i) * inner, y, (o * kept + n) * inner, inner);
                n++;
            }
        }
    }
}

using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>OneHot: inserts an axis of size depth; the element at each index is values[1] (on) and all
/// others values[0] (off). Negative indices count from depth; indices outside [-depth, depth) give an
/// all-off row.</summary>
public sealed class OneHot : Kernel
{
    private readonly long _axis;
    private OneHot(long axis) => _axis = axis;

    public static Kernel Create(KernelInfo info) => new OneHot(info.Attributes.GetInt("axis", -1));

    public override void Execute(KernelContext context)
    {
        var indices = context.Input(0);
        var depthInput = context.Input(1);
        var values = context.Input(2);
        var y = context.Output(0);
        if (depthInput.Length != 1) throw context.Error("depth must be a scalar or one-element tensor");
        if (values.Length != 2) throw context.Error("values must hold two elements: [off, on]");
        if (!Numbers.IsNumeric(indices.Type) || !Numbers.IsNumeric(depthInput.Type)) throw context.Error("indices and depth must be numeric");
        long depth = (long)Numbers.Get(depthInput, 0);
        if (depth < 1) throw context.Error($"depth {depth} must be positive");
        int rank = indices.Rank + 1;
        if (rank > Broadcast.MaxRank) throw context.Error($"output rank {rank} exceeds {Broadcast.MaxRank}");
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        Span<long> shape = stackalloc long[rank];
        for (int d = 0, k = 0; d < rank; d++) shape[d] = d == axis ? depth : indices.Dim(k++);
        y.Allocate(values.Type, shape);
        ElementCopy.Fill(y, values, 0);
        long outer = KernelHelpers.Product(indices.Shape, 0, axis);
        long inner = KernelHelpers.Product(indices.Shape, axis, indices.Rank);
        for (long o = 0; o < outer; o++)
        {
            for (long i = 0; i < inner; i++)
            {
                long index = (long)Math.Truncate(Numbers.Get(indices, o * inner + i));
                if (index < 0) index += depth;
                if (index < 0 || index >= depth) continue;
                ElementCopy.Copy(values, 1, y, (o * depth + index) * inner + i, 1);
            }
        }
    }
}

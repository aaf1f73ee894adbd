using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Unsqueeze: inserts dimensions of size 1 at the listed axes of the output (negative axes
/// count from the end of the output). Axes are an attribute before opset 13 and an input from 13 on.</summary>
public sealed class Unsqueeze : Kernel
{
    private readonly long[]? _axesAttribute;

    private Unsqueeze(long[]? axesAttribute) => _axesAttribute = axesAttribute;

    public static Kernel Create(KernelInfo info)
    {
        if (info.Version < 13)
        {
            var axes = info.Attributes.GetIntsOrNull("axes") ?? throw info.Error("attribute 'axes' is required");
            return new Unsqueeze(axes);
        }
        return new Unsqueeze(null);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        Span<long> axes = stackalloc long[Broadcast.MaxRank];
        int axisCount;
        if (_axesAttribute != null)
        {
            if (_axesAttribute.Length > axes.Length) throw context.Error($"{_axesAttribute.Length} axes are more than {Broadcast.MaxRank}");
            _axesAttribute.CopyTo(axes);
            axisCount = _axesAttribute.Length;
        }
        else axisCount = KernelHelpers.ReadInt64s(context.Input(1), axes);
        int rank = x.Rank + axisCount;
        if (rank > Broadcast.MaxRank) throw context.Error($"output rank {rank} exceeds {Broadcast.MaxRank}");
        Span<bool> inserted = stackalloc bool[rank];
        inserted.Clear();
        for (int i = 0; i < axisCount; i++)
        {
            int d = KernelHelpers.NormalizeAxis(axes[i], rank);
            if (inserted[d]) throw context.Error($"axis {axes[i]} is listed twice");
            inserted[d] = true;
        }
        Span<long> shape = stackalloc long[rank];
        int k = 0;
        for (int d = 0; d < rank; d++) shape[d] = inserted[d] ? 1 : x.Dim(k++);
        y.Allocate(x.Type, shape);
        ElementCopy.CopyAll(x, y);
    }
}

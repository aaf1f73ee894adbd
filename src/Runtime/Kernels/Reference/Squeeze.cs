using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Squeeze: removes the listed dimensions of size 1, or every dimension of size 1 when no
/// axes are given. Axes are an attribute before opset 13 and an optional input from 13 on.</summary>
public sealed class Squeeze : Kernel
{
    private readonly long[]? _axesAttribute;
    private readonly bool _axesFromInput;

    private Squeeze(long[]? axesAttribute, bool axesFromInput)
    {
        _axesAttribute = axesAttribute;
        _axesFromInput = axesFromInput;
    }

    public static Kernel Create(KernelInfo info) => new Squeeze(info.Attributes.GetIntsOrNull("axes"), info.Version >= 13);

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int rank = x.Rank;
        Span<long> axes = stackalloc long[Broadcast.MaxRank];
        int axisCount = -1;
        if (_axesFromInput)
        {
            // An empty axes tensor means "not given" (every size-1 dimension), as in ONNX Runtime.
            if (context.OptionalInput(1) is { Length: > 0 } a) axisCount = KernelHelpers.ReadInt64s(a, axes);
        }
        else if (_axesAttribute != null)
        {
            if (_axesAttribute.Length > axes.Length) throw context.Error($"{_axesAttribute.Length} axes are more than {Broadcast.MaxRank}");
            _axesAttribute.CopyTo(axes);
            axisCount = _axesAttribute.Length;
        }
        Span<bool> remove = stackalloc bool[Math.Max(rank, 1)];
        remove.Clear();
        if (axisCount < 0)
        {
            for (int d = 0; d < rank; d++) remove[d] = x.Dim(d) == 1;
        }
        else
        {
            for (int i = 0; i < axisCount; i++)
            {
                int d = KernelHelpers.NormalizeAxis(axes[i], rank);
                if (x.Dim(d) != 1) throw context.Error($"cannot squeeze axis {axes[i]}: its size is {x.Dim(d)}, not 1");
                remove[d] = true;
            }
        }
        Span<long> shape = stackalloc long[Math.Max(rank, 1)];
        int n = 0;
        for (int d = 0; d < rank; d++) if (!remove[d]) shape[n++] = x.Dim(d);
        y.Allocate(x.Type, shape[..n]);
        ElementCopy.CopyAll(x, y);
    }
}

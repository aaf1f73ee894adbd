namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The binary operators before opset 7 (Add, Sub, Mul, Div, Pow, And, Or, Xor, Equal, Greater,
/// Less) broadcast only with <c>broadcast=1</c>, and then align B with A at <c>axis</c> (by default
/// at the right). Right alignment is NumPy broadcasting, which the kernels do; an <c>axis</c> that
/// aligns elsewhere is rejected with an error rather than computed wrongly.
/// </summary>
public static class LegacyBroadcast
{
    /// <summary>Wraps a binary kernel factory: unchanged from opset 7, checked before it.</summary>
    public static KernelFactory Guard(KernelFactory inner) => info =>
    {
        var kernel = inner(info);
        if (info.Version >= 7 || info.Attributes.GetInt("broadcast", 0) == 0 || !info.Attributes.Has("axis")) return kernel;
        return new AxisChecked(kernel, info.Attributes.GetInt("axis", 0));
    };

    private sealed class AxisChecked(Kernel inner, long axis) : Kernel
    {
        public override void Execute(KernelContext context)
        {
            int rankA = context.Input(0).Rank, rankB = context.Input(1).Rank;
            long a = axis < 0 ? axis + rankA : axis;
            if (a != rankA - rankB) throw context.Error($"broadcasting B (rank {rankB}) along axis {axis} of A (rank {rankA}) is not supported (opset < 7)");
            inner.Execute(context);
        }
    }
}

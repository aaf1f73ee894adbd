using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Scatter (deprecated since opset 11): ScatterElements without a reduction.</summary>
public sealed class Scatter : Kernel
{
    private readonly long _axis;
    private Scatter(long axis) => _axis = axis;

    public static Kernel Create(KernelInfo info) => new Scatter(info.Attributes.GetInt("axis", 0));

    public override void Execute(KernelContext context) => ScatterElements.Run(context, _axis, ScatterReduction.None);
}

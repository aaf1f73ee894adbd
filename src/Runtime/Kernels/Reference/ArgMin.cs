using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ArgMin: the index of the smallest value along axis (see <see cref="ArgExtremumKernel"/>).</summary>
public static class ArgMin
{
    public static Kernel Create(KernelInfo info) => ArgExtremumKernel.Create(info, max: false);
}

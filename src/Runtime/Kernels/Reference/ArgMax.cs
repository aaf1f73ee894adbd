using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ArgMax: the index of the largest value along axis (see <see cref="ArgExtremumKernel"/>).</summary>
public static class ArgMax
{
    public static Kernel Create(KernelInfo info) => ArgExtremumKernel.Create(info, max: true);
}

using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>HannWindow (opset 17): w[n] = 0.5 - 0.5 cos(2 pi n / N) (see <see cref="WindowKernel"/>).</summary>
public static class HannWindow
{
    public static readonly KernelFactory Create = WindowKernel.Factory(0.5, 0.5, 0);
}

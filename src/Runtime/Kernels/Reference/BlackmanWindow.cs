using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>BlackmanWindow (opset 17): w[n] = 0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N) (see <see cref="WindowKernel"/>).</summary>
public static class BlackmanWindow
{
    public static readonly KernelFactory Create = WindowKernel.Factory(0.42, 0.5, 0.08);
}

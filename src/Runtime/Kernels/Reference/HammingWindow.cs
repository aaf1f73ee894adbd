using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>HammingWindow (opset 17): w[n] = 25/46 - 21/46 cos(2 pi n / N) (see <see cref="WindowKernel"/>).</summary>
public static class HammingWindow
{
    public static readonly KernelFactory Create = WindowKernel.Factory(25.0 / 46.0, 21.0 / 46.0, 0);
}

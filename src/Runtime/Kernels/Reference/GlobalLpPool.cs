using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>GlobalLpPool: (Σ |x|^p)^(1/p) over all spatial axes of each (N, C) plane; Y is
/// [N, C, 1, ...]. p is a float attribute in opset 1 and an int after.</summary>
public sealed class GlobalLpPool : Kernel
{
    private readonly double _p;
    private float[]? _x, _y;

    private GlobalLpPool(double p) => _p = p;

    public static Kernel Create(KernelInfo info) => new GlobalLpPool(Pooling.ReadP(info));

    public override void Execute(KernelContext context) => Pooling.Sum(context, geometry: null, new LpNorm(_p), ref _x, ref _y);
}

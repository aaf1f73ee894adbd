using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LpPool: (Σ |x|^p)^(1/p) over each window (padding adds nothing), 1 to 3 spatial axes, with
/// strides, dilations, pads, auto_pad and ceil_mode. p is a float attribute in opset 1 and an int
/// after. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class LpPool : Kernel
{
    private readonly SpatialGeometry _geometry;
    private readonly double _p;
    private float[]? _x, _y;

    private LpPool(SpatialGeometry geometry, double p)
    {
        _geometry = geometry;
        _p = p;
    }

    public static Kernel Create(KernelInfo info) => new LpPool(SpatialGeometry.Read(info, kernelRequired: true), Pooling.ReadP(info));

    public override void Execute(KernelContext context) => Pooling.Sum(context, _geometry, new LpNorm(_p), ref _x, ref _y);
}

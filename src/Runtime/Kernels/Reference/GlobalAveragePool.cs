using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>GlobalAveragePool: the mean over all spatial axes of each (N, C) plane; Y is
/// [N, C, 1, ...]. float16 and bfloat16 are computed in float32.</summary>
public sealed class GlobalAveragePool : Kernel
{
    private float[]? _x, _y;

    public static Kernel Create(KernelInfo info) => new GlobalAveragePool();

    public override void Execute(KernelContext context) => Pooling.Sum(context, geometry: null, default(Mean), ref _x, ref _y);

    private readonly struct Mean : IPoolSum
    {
        public T Term<T>(T x) where T : IFloatingPointIeee754<T> => x;

        public T Result<T>(T sum, in PoolWindow plane) where T : IFloatingPointIeee754<T> => sum / T.CreateChecked(plane.Taps);
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// AveragePool: the mean of each window, 1 to 3 spatial axes, with strides, dilations, pads,
/// auto_pad and ceil_mode. The divisor counts the taps inside the input, or with
/// count_include_pad the taps inside the padded input (never those a ceil_mode window reaches
/// beyond the end padding). float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class AveragePool : Kernel
{
    private readonly SpatialGeometry _geometry;
    private readonly bool _countIncludePad;
    private float[]? _x, _y;

    private AveragePool(SpatialGeometry geometry, bool countIncludePad)
    {
        _geometry = geometry;
        _countIncludePad = countIncludePad;
    }

    public static Kernel Create(KernelInfo info)
        => new AveragePool(SpatialGeometry.Read(info, kernelRequired: true), info.Attributes.GetInt("count_include_pad", 0) != 0);

    public override void Execute(KernelContext context) => Pooling.Sum(context, _geometry, new Mean(_geometry, _countIncludePad), ref _x, ref _y);

    private readonly struct Mean(SpatialGeometry g, bool countIncludePad) : IPoolSum
    {
        public T Term<T>(T x) where T : IFloatingPointIeee754<T> => x;

        public T Result<T>(T sum, in PoolWindow w) where T : IFloatingPointIeee754<T>
        {
            int count = countIncludePad ? g.PaddedTapCount(0, w.D) * g.PaddedTapCount(1, w.H) * g.PaddedTapCount(2, w.W) : w.Taps;
            return count == 0 ? T.Zero : sum / T.CreateChecked(count);
        }
    }
}

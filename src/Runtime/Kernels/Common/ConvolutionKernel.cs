using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>What the reference Conv and ConvTranspose share: the group attribute, the checks of X, W
/// and B, and running the arithmetic in the input's type (float16 and bfloat16 in float32).</summary>
public abstract class ConvolutionKernel : Kernel
{
    private float[]? _x, _w, _b, _y;

    protected ConvolutionKernel(SpatialGeometry geometry, long group)
    {
        Geometry = geometry;
        Group = group;
    }

    protected SpatialGeometry Geometry { get; }
    protected long Group { get; }

    protected static long ReadGroup(KernelInfo info)
    {
        long group = info.Attributes.GetInt("group", 1);
        if (group < 1) throw info.Error($"group {group} must be positive");
        return group;
    }

    /// <summary>X is [N, C, spatial...], W has X's rank, and X, W and B share one element type.</summary>
    protected static void CheckOperands(KernelContext context, Tensor x, Tensor w, Tensor? b)
    {
        if (x.Rank < 3) throw context.Error($"X must have rank 3 or more (N, C, spatial...), not {x.Rank}");
        if (w.Rank != x.Rank) throw context.Error($"W has rank {w.Rank}, X has rank {x.Rank}");
        if (w.Type != x.Type || (b != null && b.Type != x.Type)) throw context.Error("X, W and B must have the same element type");
    }

    /// <summary>Calls <see cref="Run{T}"/> in X's element type; y is already allocated.</summary>
    protected void RunInType(KernelContext context, Tensor x, Tensor w, Tensor? b, Tensor y, long batch, long channels, long maps)
    {
        switch (x.Type)
        {
            case DataType.Float:
                Run(x.ReadOnlySpan<float>(), w.ReadOnlySpan<float>(), b == null ? default : b.ReadOnlySpan<float>(), y.Span<float>(), batch, channels, maps);
                break;
            case DataType.Double:
                Run(x.ReadOnlySpan<double>(), w.ReadOnlySpan<double>(), b == null ? default : b.ReadOnlySpan<double>(), y.Span<double>(), batch, channels, maps);
                break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(w, ref _w), b == null ? default : FloatStaging.Widen(b, ref _b), ys, batch, channels, maps);
                FloatStaging.Complete(y, ys);
                break;
            }
            default:
                throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    protected abstract void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> y, long batch, long channels, long maps)
        where T : unmanaged, INumber<T>;
}

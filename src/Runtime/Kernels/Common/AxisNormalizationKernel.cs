using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The kernel of the operators that normalise each lane along an axis independently (Softmax,
/// LogSoftmax, Hardmax, LpNormalization): Y has X's shape and type, and a subclass supplies only
/// the math of <see cref="Normalize"/>. float and double are computed in their own type; float16
/// and bfloat16 in float32, rounded once.
/// </summary>
public abstract class AxisNormalizationKernel : Kernel
{
    private readonly long _axis;
    private readonly bool _flattenTo2D;
    private float[]? _x, _y;

    /// <summary>The axis attribute as Softmax, LogSoftmax and Hardmax read it in the node's opset
    /// (see <see cref="ReadAxis"/>).</summary>
    protected AxisNormalizationKernel(KernelInfo info) : this(ReadAxis(info, out bool flattenTo2D), flattenTo2D)
    {
    }

    protected AxisNormalizationKernel(long axis, bool flattenTo2D)
    {
        _axis = axis;
        _flattenTo2D = flattenTo2D;
    }

    /// <summary>
    /// The axis of Softmax, LogSoftmax and Hardmax. Opset 13 changed the meaning: earlier opsets
    /// flatten the input to 2-D at axis (default 1) and normalise whole rows; later ones normalise
    /// along the axis alone (default −1).
    /// </summary>
    public static long ReadAxis(KernelInfo info, out bool flattenTo2D)
    {
        flattenTo2D = info.Version < 13;
        return info.Attributes.GetInt("axis", flattenTo2D ? 1 : -1);
    }

    /// <summary>The lanes this node normalises in a tensor of <paramref name="shape"/>.</summary>
    public AxisLanes LanesOf(ReadOnlySpan<long> shape) => AxisLanes.Of(shape, _axis, _flattenTo2D);

    public sealed override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        if (x.Length == 0) return;
        var lanes = LanesOf(x.Shape);
        switch (x.Type)
        {
            case DataType.Float: Normalize(x.ReadOnlySpan<float>(), y.Span<float>(), lanes); break;
            case DataType.Double: Normalize(x.ReadOnlySpan<double>(), y.Span<double>(), lanes); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Normalize(FloatStaging.Widen(x, ref _x), ys, lanes);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    /// <summary>Writes into <paramref name="y"/> every lane of <paramref name="x"/>, normalised.</summary>
    protected abstract void Normalize<T>(ReadOnlySpan<T> x, Span<T> y, AxisLanes lanes) where T : unmanaged, IFloatingPointIeee754<T>;
}

using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Softmax: softmax: exp(x − max) / Σ exp(x − max). Opset 13 and later work along one axis (default −1); opsets 1 and 11 flatten the
/// input to 2-D at axis (default 1) and normalise each row. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class Softmax : Kernel
{
    private readonly long _axis;
    private readonly bool _flatten;
    private float[]? _x, _y;

    private Softmax(long axis, bool flatten)
    {
        _axis = axis;
        _flatten = flatten;
    }

    public static Kernel Create(KernelInfo info)
    {
        bool flatten = info.Version < 13;
        return new Softmax(info.Attributes.GetInt("axis", flatten ? 1 : -1), flatten);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        if (x.Length == 0) return;
        SoftmaxLoops.Geometry(x.Shape, _axis, _flatten, out int outer, out int n, out int inner);
        switch (x.Type)
        {
            case DataType.Float: SoftmaxLoops.Softmax(x.ReadOnlySpan<float>(), y.Span<float>(), outer, n, inner, log: false); break;
            case DataType.Double: SoftmaxLoops.Softmax(x.ReadOnlySpan<double>(), y.Span<double>(), outer, n, inner, log: false); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                SoftmaxLoops.Softmax(FloatStaging.Widen(x, ref _x), ys, outer, n, inner, log: false);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }
}

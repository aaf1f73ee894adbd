using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Hardmax: 1 at the first maximum along the axis, 0 elsewhere. Opset 13 and later work along one
/// axis (default −1); opsets 1 and 11 flatten the input to 2-D at axis (default 1).
/// </summary>
public sealed class Hardmax : Kernel
{
    private readonly long _axis;
    private readonly bool _flatten;
    private float[]? _x, _y;

    private Hardmax(long axis, bool flatten)
    {
        _axis = axis;
        _flatten = flatten;
    }

    public static Kernel Create(KernelInfo info)
    {
        bool flatten = info.Version < 13;
        return new Hardmax(info.Attributes.GetInt("axis", flatten ? 1 : -1), flatten);
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
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), outer, n, inner); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), outer, n, inner); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), ys, outer, n, inner);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private static void Run<T>(ReadOnlySpan<T> x, Span<T> y, int outer, int n, int inner) where T : INumber<T>
    {
        y.Clear();
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                int best = 0;
                for (int k = 1; k < n; k++) if (x[start + k * inner] > x[start + best * inner]) best = k;
                y[start + best * inner] = T.One;
            }
        }
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LpNormalization: x / ‖x‖_p along axis (p = 1 or 2); a zero norm gives zeros. float16 and
/// bfloat16 are computed in float32.
/// </summary>
public sealed class LpNormalization : Kernel
{
    private readonly long _axis, _p;
    private float[]? _x, _y;

    private LpNormalization(long axis, long p)
    {
        _axis = axis;
        _p = p;
    }

    public static Kernel Create(KernelInfo info)
    {
        long p = info.Attributes.GetInt("p", 2);
        if (p is not (1 or 2)) throw info.Error($"p {p} must be 1 or 2");
        return new LpNormalization(info.Attributes.GetInt("axis", -1), p);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        if (x.Length == 0) return;
        SoftmaxLoops.Geometry(x.Shape, _axis, flattenTo2D: false, out int outer, out int n, out int inner);
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

    private void Run<T>(ReadOnlySpan<T> x, Span<T> y, int outer, int n, int inner) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                T norm = T.Zero;
                for (int k = 0; k < n; k++)
                {
                    T v = x[start + k * inner];
                    norm += _p == 1 ? T.Abs(v) : v * v;
                }
                if (_p == 2) norm = T.Sqrt(norm);
                for (int k = 0; k < n; k++) y[start + k * inner] = norm == T.Zero ? T.Zero : x[start + k * inner] / norm;
            }
        }
    }
}

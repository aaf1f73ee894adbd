using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>GlobalLpPool: (Σ |x|^p)^(1/p) over all spatial axes of each (N, C) plane; Y is
/// [N, C, 1, ...]. p is a float attribute in opset 1 and an int after.</summary>
public sealed class GlobalLpPool : Kernel
{
    private readonly double _p;
    private float[]? _x, _y;

    private GlobalLpPool(double p) => _p = p;

    public static Kernel Create(KernelInfo info)
    {
        var attr = info.Attributes.Find("p");
        double p = attr == null ? 2 : attr.Type == Model.AttributeType.Float ? attr.Float : attr.Int;
        if (p <= 0) throw info.Error($"p {p} must be positive");
        return new GlobalLpPool(p);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank < 2) throw context.Error($"X must have rank 2 or more (N, C, spatial...), not {x.Rank}");
        Span<long> shape = stackalloc long[x.Rank];
        shape.Fill(1);
        shape[0] = x.Dim(0);
        shape[1] = x.Dim(1);
        y.Allocate(x.Type, shape);
        int plane = (int)KernelHelpers.Product(x.Shape, 2, x.Rank);
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), plane); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), plane); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), ys, plane);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, Span<T> y, int plane) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T p = T.CreateChecked(_p), inverse = T.One / p;
        for (int i = 0; i < y.Length; i++)
        {
            var xp = x.Slice(i * plane, plane);
            T sum = T.Zero;
            for (int j = 0; j < xp.Length; j++) sum += T.Pow(T.Abs(xp[j]), p);
            y[i] = T.Pow(sum, inverse);
        }
    }
}

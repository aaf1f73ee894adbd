using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>GlobalAveragePool: the mean over all spatial axes of each (N, C) plane; Y is
/// [N, C, 1, ...]. float16 and bfloat16 are computed in float32.</summary>
public sealed class GlobalAveragePool : Kernel
{
    private float[]? _x, _y;

    public static Kernel Create(KernelInfo info) => new GlobalAveragePool();

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

    private static void Run<T>(ReadOnlySpan<T> x, Span<T> y, int plane) where T : unmanaged, INumber<T>
    {
        T count = T.CreateChecked(plane);
        for (int p = 0; p < y.Length; p++)
        {
            var xp = x.Slice(p * plane, plane);
            T sum = T.Zero;
            for (int i = 0; i < xp.Length; i++) sum += xp[i];
            y[p] = sum / count;
        }
    }
}

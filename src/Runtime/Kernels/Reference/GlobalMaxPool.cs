using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>GlobalMaxPool: the maximum over all spatial axes of each (N, C) plane; Y is [N, C, 1, ...].</summary>
public sealed class GlobalMaxPool : Kernel
{
    private float[]? _x, _y;

    public static Kernel Create(KernelInfo info) => new GlobalMaxPool();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int plane = Pooling.AllocateGlobal(context, x, y);
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), plane); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), plane); break;
            case DataType.Float16: Run(x.ReadOnlySpan<Half>(), y.Span<Half>(), plane); break;
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
        for (int p = 0; p < y.Length; p++)
        {
            var xp = x.Slice(p * plane, plane);
            T best = T.CreateSaturating(double.NegativeInfinity);
            for (int i = 0; i < xp.Length; i++) if (xp[i] > best) best = xp[i];
            y[p] = best;
        }
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LRN: local response normalisation across channels, y = x / (bias + alpha / size · Σ x²)^beta,
/// the sum over channels [c − ⌊(size − 1) / 2⌋, c + ⌈(size − 1) / 2⌉] clipped to the tensor.
/// float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class LRN : Kernel
{
    private readonly float _alpha, _beta, _bias;
    private readonly int _size;
    private float[]? _x, _y;

    private LRN(float alpha, float beta, float bias, int size)
    {
        _alpha = alpha;
        _beta = beta;
        _bias = bias;
        _size = size;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        if (!a.Has("size")) throw info.Error("attribute size is required");
        long size = a.GetInt("size", 1);
        if (size < 1) throw info.Error($"size {size} must be positive");
        return new LRN(a.GetFloat("alpha", 1e-4f), a.GetFloat("beta", 0.75f), a.GetFloat("bias", 1f), (int)size);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank < 2) throw context.Error($"X must have rank 2 or more (N, C, ...), not {x.Rank}");
        y.Allocate(x.Type, x.Shape);
        int batch = (int)x.Dim(0), channels = (int)x.Dim(1), plane = (int)KernelHelpers.Product(x.Shape, 2, x.Rank);
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), batch, channels, plane); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), batch, channels, plane); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), ys, batch, channels, plane);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, Span<T> y, int batch, int channels, int plane) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int before = (_size - 1) / 2, after = _size - 1 - before;
        T scale = T.CreateChecked(_alpha) / T.CreateChecked(_size), bias = T.CreateChecked(_bias), beta = T.CreateChecked(_beta);
        for (int n = 0; n < batch; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                int lo = Math.Max(0, c - before), hi = Math.Min(channels - 1, c + after);
                int offset = (n * channels + c) * plane;
                for (int i = 0; i < plane; i++)
                {
                    T sum = T.Zero;
                    for (int k = lo; k <= hi; k++)
                    {
                        T v = x[(n * channels + k) * plane + i];
                        sum += v * v;
                    }
                    y[offset + i] = x[offset + i] / T.Pow(bias + scale * sum, beta);
                }
            }
        }
    }
}

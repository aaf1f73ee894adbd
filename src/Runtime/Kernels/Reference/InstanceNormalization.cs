using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// InstanceNormalization: each (N, C) plane is standardised over its spatial axes, (x − mean) /
/// sqrt(var + epsilon), then scaled and shifted per channel. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class InstanceNormalization : Kernel
{
    private readonly float _epsilon;
    private float[]? _x, _s, _b, _y;

    private InstanceNormalization(float epsilon) => _epsilon = epsilon;

    public static Kernel Create(KernelInfo info) => new InstanceNormalization(info.Attributes.GetFloat("epsilon", 1e-5f));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var bias = context.Input(2);
        var y = context.Output(0);
        if (x.Rank < 2) throw context.Error($"input must have rank 2 or more (N, C, ...), not {x.Rank}");
        if (scale.Type != x.Type || bias.Type != x.Type) throw context.Error("input, scale and B must have the same element type");
        long channels = x.Dim(1);
        if (scale.Length != channels || bias.Length != channels) throw context.Error($"scale and B must have {channels} values");
        y.Allocate(x.Type, x.Shape);
        int plane = (int)KernelHelpers.Product(x.Shape, 2, x.Rank);
        int planes = (int)(x.Dim(0) * channels);
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), scale.ReadOnlySpan<float>(), bias.ReadOnlySpan<float>(), y.Span<float>(), planes, (int)channels, plane); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), scale.ReadOnlySpan<double>(), bias.ReadOnlySpan<double>(), y.Span<double>(), planes, (int)channels, plane); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(scale, ref _s), FloatStaging.Widen(bias, ref _b), ys, planes, (int)channels, plane);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> scale, ReadOnlySpan<T> bias, Span<T> y, int planes, int channels, int plane)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T epsilon = T.CreateChecked(_epsilon);
        for (int p = 0; p < planes; p++)
        {
            var xs = x.Slice(p * plane, plane);
            var ys = y.Slice(p * plane, plane);
            NormalizationLoops.MeanAndInverseStd(xs, epsilon, out T mean, out T inv);
            int c = p % channels;
            T factor = inv * scale[c];
            for (int i = 0; i < plane; i++) ys[i] = (xs[i] - mean) * factor + bias[c];
        }
    }
}

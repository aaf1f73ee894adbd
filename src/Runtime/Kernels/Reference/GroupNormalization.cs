using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// GroupNormalization: the channels of each instance are split into num_groups groups, each
/// standardised over its channels and spatial axes, then scaled and shifted. Opset 21 takes scale
/// and bias per channel; opset 18 per group. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class GroupNormalization : Kernel
{
    private readonly long _groups;
    private readonly float _epsilon;
    private readonly bool _perGroupParameters;
    private float[]? _x, _s, _b, _y;

    private GroupNormalization(long groups, float epsilon, bool perGroupParameters)
    {
        _groups = groups;
        _epsilon = epsilon;
        _perGroupParameters = perGroupParameters;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        if (!a.Has("num_groups")) throw info.Error("attribute num_groups is required");
        long groups = a.GetInt("num_groups", 1);
        if (groups < 1) throw info.Error($"num_groups {groups} must be positive");
        return new GroupNormalization(groups, a.GetFloat("epsilon", 1e-5f), info.Version < 21);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var bias = context.Input(2);
        var y = context.Output(0);
        if (x.Rank < 2) throw context.Error($"X must have rank 2 or more (N, C, ...), not {x.Rank}");
        if (scale.Type != x.Type || bias.Type != x.Type) throw context.Error("X, scale and bias must have the same element type");
        long channels = x.Dim(1);
        if (channels % _groups != 0) throw context.Error($"{channels} channels are not a multiple of num_groups {_groups}");
        long expected = _perGroupParameters ? _groups : channels;
        if (scale.Length != expected || bias.Length != expected) throw context.Error($"scale and bias must have {expected} values");
        y.Allocate(x.Type, x.Shape);
        var d = new Dims((int)x.Dim(0), (int)channels, (int)_groups, (int)KernelHelpers.Product(x.Shape, 2, x.Rank));
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), scale.ReadOnlySpan<float>(), bias.ReadOnlySpan<float>(), y.Span<float>(), d); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), scale.ReadOnlySpan<double>(), bias.ReadOnlySpan<double>(), y.Span<double>(), d); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(scale, ref _s), FloatStaging.Widen(bias, ref _b), ys, d);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private readonly record struct Dims(int Batch, int Channels, int Groups, int Plane);

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> scale, ReadOnlySpan<T> bias, Span<T> y, Dims d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T epsilon = T.CreateChecked(_epsilon);
        int perGroup = d.Channels / d.Groups, segment = perGroup * d.Plane;
        for (int n = 0; n < d.Batch; n++)
        {
            for (int g = 0; g < d.Groups; g++)
            {
                int offset = (n * d.Groups + g) * segment;
                var xs = x.Slice(offset, segment);
                var ys = y.Slice(offset, segment);
                NormalizationLoops.MeanAndInverseStd(xs, epsilon, out T mean, out T inv);
                for (int c = 0; c < perGroup; c++)
                {
                    int p = _perGroupParameters ? g : g * perGroup + c;
                    T factor = inv * scale[p], shift = bias[p];
                    for (int i = c * d.Plane; i < (c + 1) * d.Plane; i++) ys[i] = (xs[i] - mean) * factor + shift;
                }
            }
        }
    }
}

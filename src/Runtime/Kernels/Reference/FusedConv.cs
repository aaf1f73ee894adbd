using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ai.edgeml FusedConv: Y = activation(Conv(X, W) + B + Z), float32 only (docs/edgeml-operators.md).
/// Z (input 3, optional) has Y's shape. With packed = 1, W holds the weights prepacked into 6-row
/// panels per group (<see cref="PackedWeights"/>), output_channels gives M and kernel_shape the
/// window. A direct loop over every output and tap: the oracle of the fast convolution.
/// </summary>
public sealed class FusedConv : Kernel
{
    private readonly SpatialGeometry _geometry;
    private readonly long _group;
    private readonly bool _packed;
    private readonly long _outputChannels;
    private readonly Activation _activation;

    private FusedConv(SpatialGeometry geometry, long group, bool packed, long outputChannels, Activation activation)
    {
        _geometry = geometry;
        _group = group;
        _packed = packed;
        _outputChannels = outputChannels;
        _activation = activation;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long group = a.GetInt("group", 1);
        if (group < 1) throw info.Error($"group {group} must be positive");
        bool packed = a.GetInt("packed", 0) != 0;
        long m = a.GetInt("output_channels", 0);
        if (packed && (m < 1 || a.GetIntsOrNull("kernel_shape") == null)) throw info.Error("packed weights need the output_channels and kernel_shape attributes");
        return new FusedConv(SpatialGeometry.Read(info, kernelRequired: packed), group, packed, m, Activation.Read(info));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var b = context.OptionalInput(2);
        var z = context.OptionalInput(3);
        var y = context.Output(0);
        if (x.Type != DataType.Float || w.Type != DataType.Float || (b != null && b.Type != DataType.Float) || (z != null && z.Type != DataType.Float))
            throw context.Error("FusedConv computes float32 only");
        if (x.Rank < 3) throw context.Error($"X must have rank 3 or more (N, C, spatial...), not {x.Rank}");
        long n = x.Dim(0), c = x.Dim(1);
        long m = _packed ? _outputChannels : w.Dim(0);
        if (c % _group != 0 || m % _group != 0) throw context.Error($"channels {c} and feature maps {m} must be multiples of group {_group}");
        if (!_packed && (w.Rank != x.Rank || w.Dim(1) * _group != c)) throw context.Error($"W {Tensor.ShapeText(w.Shape)} does not fit X {Tensor.ShapeText(x.Shape)} with group {_group}");
        if (b != null && b.Length != m) throw context.Error($"B has {b.Length} values, expected {m}");
        _geometry.Compute(x.Shape[2..], _packed ? default : w.Shape[2..], pooling: false);
        var g = _geometry;
        int cg = (int)(c / _group), mg = (int)(m / _group), taps = g.KernelSize, depth = cg * taps;
        if (_packed && w.Length != _group * PackedWeights.PackedASize(mg, depth)) throw context.Error($"packed W has {w.Length} values, expected {_group * PackedWeights.PackedASize(mg, depth)}");
        Span<long> shape = stackalloc long[x.Rank];
        g.OutputShape(n, m, shape);
        y.Allocate(DataType.Float, shape);
        if (z != null && !z.Shape.SequenceEqual(y.Shape)) throw context.Error($"Z {Tensor.ShapeText(z.Shape)} must have Y's shape {Tensor.ShapeText(y.Shape)}");
        var xs = x.ReadOnlySpan<float>();
        var ws = w.ReadOnlySpan<float>();
        var bs = b == null ? default : b.ReadOnlySpan<float>();
        var zs = z == null ? default : z.ReadOnlySpan<float>();
        var ys = y.Span<float>();
        int inPlane = g.InputSize, outPlane = g.OutputSize;
        long groupPanels = PackedWeights.PackedASize(mg, depth);
        for (int ni = 0; ni < n; ni++)
            for (int mi = 0; mi < m; mi++)
            {
                int gi = mi / mg;
                var packedGroup = _packed ? ws.Slice((int)(gi * groupPanels), (int)groupPanels) : default;
                int o = 0;
                for (int od = 0; od < g.Output[0]; od++)
                    for (int oh = 0; oh < g.Output[1]; oh++)
                        for (int ow = 0; ow < g.Output[2]; ow++, o++)
                        {
                            float s = b == null ? 0 : bs[mi];
                            for (int ci = 0; ci < cg; ci++)
                            {
                                int tap = 0;
                                for (int kd = 0; kd < g.Kernel[0]; kd++)
                                    for (int kh = 0; kh < g.Kernel[1]; kh++)
                                        for (int kw = 0; kw < g.Kernel[2]; kw++, tap++)
                                        {
                                            int id = od * g.Stride[0] + kd * g.Dilation[0] - g.PadBegin[0];
                                            int ih = oh * g.Stride[1] + kh * g.Dilation[1] - g.PadBegin[1];
                                            int iw = ow * g.Stride[2] + kw * g.Dilation[2] - g.PadBegin[2];
                                            if (id < 0 || id >= g.Input[0] || ih < 0 || ih >= g.Input[1] || iw < 0 || iw >= g.Input[2]) continue;
                                            float weight = _packed
                                                ? PackedWeights.ReadA(packedGroup, mi % mg, ci * taps + tap, depth)
                                                : ws[(mi * cg + ci) * taps + tap];
                                            s += weight * xs[(ni * (int)c + gi * cg + ci) * inPlane + (id * g.Input[1] + ih) * g.Input[2] + iw];
                                        }
                            }
                            int yi = (ni * (int)m + mi) * outPlane + o;
                            if (z != null) s += zs[yi];
                            ys[yi] = _activation.Apply(s);
                        }
            }
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LpPool: (Σ |x|^p)^(1/p) over each window (padding adds nothing), 1 to 3 spatial axes, with
/// strides, dilations, pads, auto_pad and ceil_mode. p is a float attribute in opset 1 and an int
/// after. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class LpPool : Kernel
{
    private readonly SpatialGeometry _geometry;
    private readonly double _p;
    private float[]? _x, _y;

    private LpPool(SpatialGeometry geometry, double p)
    {
        _geometry = geometry;
        _p = p;
    }

    public static Kernel Create(KernelInfo info)
    {
        var attr = info.Attributes.Find("p");
        double p = attr == null ? 2 : attr.Type == Model.AttributeType.Float ? attr.Float : attr.Int;
        if (p <= 0) throw info.Error($"p {p} must be positive");
        return new LpPool(SpatialGeometry.Read(info, kernelRequired: true), p);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        if (x.Rank < 3) throw context.Error($"X must have rank 3 or more (N, C, spatial...), not {x.Rank}");
        _geometry.Compute(x.Shape[2..], default, pooling: true);
        Span<long> shape = stackalloc long[x.Rank];
        _geometry.OutputShape(x.Dim(0), x.Dim(1), shape);
        y.Allocate(x.Type, shape);
        int planes = (int)(x.Dim(0) * x.Dim(1));
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), planes); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), planes); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), ys, planes);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, Span<T> y, int planes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = _geometry;
        int inPlane = g.InputSize, outPlane = g.OutputSize;
        int inH = g.Input[1], inW = g.Input[2];
        T p = T.CreateChecked(_p), inverse = T.One / p;
        for (int plane = 0; plane < planes; plane++)
        {
            var xp = x.Slice(plane * inPlane, inPlane);
            int o = plane * outPlane;
            for (int od = 0; od < g.Output[0]; od++)
            {
                g.TapRange(0, od, out int d0, out int d1);
                int dStart = od * g.Stride[0] - g.PadBegin[0];
                for (int oh = 0; oh < g.Output[1]; oh++)
                {
                    g.TapRange(1, oh, out int h0, out int h1);
                    int hStart = oh * g.Stride[1] - g.PadBegin[1];
                    for (int ow = 0; ow < g.Output[2]; ow++, o++)
                    {
                        g.TapRange(2, ow, out int w0, out int w1);
                        int wStart = ow * g.Stride[2] - g.PadBegin[2];
                        T sum = T.Zero;
                        for (int td = d0; td < d1; td++)
                        {
                            int id = dStart + td * g.Dilation[0];
                            for (int th = h0; th < h1; th++)
                            {
                                int row = (id * inH + hStart + th * g.Dilation[1]) * inW + wStart;
                                for (int tw = w0; tw < w1; tw++) sum += T.Pow(T.Abs(xp[row + tw * g.Dilation[2]]), p);
                            }
                        }
                        y[o] = T.Pow(sum, inverse);
                    }
                }
            }
        }
    }
}

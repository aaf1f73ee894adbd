using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// AveragePool: the mean of each window, 1 to 3 spatial axes, with strides, dilations, pads,
/// auto_pad and ceil_mode. The divisor counts the taps inside the input, or with
/// count_include_pad the taps inside the padded input (never those a ceil_mode window reaches
/// beyond the end padding). float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class AveragePool : Kernel
{
    private readonly SpatialGeometry _geometry;
    private readonly bool _countIncludePad;
    private float[]? _x, _y;

    private AveragePool(SpatialGeometry geometry, bool countIncludePad)
    {
        _geometry = geometry;
        _countIncludePad = countIncludePad;
    }

    public static Kernel Create(KernelInfo info)
        => new AveragePool(SpatialGeometry.Read(info, kernelRequired: true), info.Attributes.GetInt("count_include_pad", 0) != 0);

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

    private void Run<T>(ReadOnlySpan<T> x, Span<T> y, int planes) where T : unmanaged, INumber<T>
    {
        var g = _geometry;
        int inPlane = g.InputSize, outPlane = g.OutputSize;
        int inH = g.Input[1], inW = g.Input[2];
        for (int p = 0; p < planes; p++)
        {
            var xp = x.Slice(p * inPlane, inPlane);
            int o = p * outPlane;
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
                                for (int tw = w0; tw < w1; tw++) sum += xp[row + tw * g.Dilation[2]];
                            }
                        }
                        int count = _countIncludePad
                            ? g.PaddedTapCount(0, od) * g.PaddedTapCount(1, oh) * g.PaddedTapCount(2, ow)
                            : (d1 - d0) * (h1 - h0) * (w1 - w0);
                        y[o] = count == 0 ? T.Zero : sum / T.CreateChecked(count);
                    }
                }
            }
        }
    }
}

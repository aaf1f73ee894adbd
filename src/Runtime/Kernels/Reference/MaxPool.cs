using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MaxPool: the maximum over each window (padding never wins), 1 to 3 spatial axes, with strides,
/// dilations, pads, auto_pad and ceil_mode; the optional Indices output holds the flat index of
/// each maximum in the input (row-major, or column-major over the spatial axes when
/// storage_order is 1). The first maximum of a window wins ties.
/// </summary>
public sealed class MaxPool : Kernel
{
    private readonly SpatialGeometry _geometry;
    private readonly bool _columnMajor;
    private float[]? _x, _y;

    private MaxPool(SpatialGeometry geometry, bool columnMajor)
    {
        _geometry = geometry;
        _columnMajor = columnMajor;
    }

    public static Kernel Create(KernelInfo info)
    {
        long order = info.Attributes.GetInt("storage_order", 0);
        if (order is not (0 or 1)) throw info.Error($"storage_order {order} must be 0 or 1");
        return new MaxPool(SpatialGeometry.Read(info, kernelRequired: true), order == 1);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        var indices = context.OptionalOutput(1);
        int planes = Pooling.AllocateWindowed(context, _geometry, x, y, indices);
        Span<long> idx = indices == null ? default : indices.Span<long>();
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), idx, planes); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), idx, planes); break;
            case DataType.Float16: Run(x.ReadOnlySpan<Half>(), y.Span<Half>(), idx, planes); break;
            case DataType.Int8: Run(x.ReadOnlySpan<sbyte>(), y.Span<sbyte>(), idx, planes); break;
            case DataType.UInt8: Run(x.ReadOnlySpan<byte>(), y.Span<byte>(), idx, planes); break;
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), ys, idx, planes);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, Span<T> y, Span<long> indices, int planes) where T : unmanaged, INumber<T>
    {
        var g = _geometry;
        int inPlane = g.InputSize, outPlane = g.OutputSize;
        int inD = g.Input[0], inH = g.Input[1], inW = g.Input[2];
        T lowest = T.CreateSaturating(double.NegativeInfinity);
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
                        T best = lowest;
                        int bd = -1, bh = -1, bw = -1;
                        for (int td = d0; td < d1; td++)
                        {
                            int id = dStart + td * g.Dilation[0];
                            for (int th = h0; th < h1; th++)
                            {
                                int ih = hStart + th * g.Dilation[1];
                                int row = (id * inH + ih) * inW;
                                for (int tw = w0; tw < w1; tw++)
                                {
                                    int iw = wStart + tw * g.Dilation[2];
                                    T v = xp[row + iw];
                                    if (v > best || bd < 0)
                                    {
                                        best = v;
                                        bd = id;
                                        bh = ih;
                                        bw = iw;
                                    }
                                }
                            }
                        }
                        y[o] = best;
                        if (!indices.IsEmpty)
                        {
                            long local = bd < 0 ? 0 : _columnMajor ? bd + (long)bh * inD + (long)bw * inD * inH : (bd * (long)inH + bh) * inW + bw;
                            indices[o] = (long)p * inPlane + local;
                        }
                    }
                }
            }
        }
    }
}

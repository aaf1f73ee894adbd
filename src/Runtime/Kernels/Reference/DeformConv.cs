using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// DeformConv (2-D): a convolution whose kernel taps are displaced by learned offsets. For output
/// position (oh, ow) tap (kh, kw) of offset group g samples the input at
/// (oh · stride − pad + kh · dilation + Δy, ow · stride − pad + kw · dilation + Δx) by bilinear
/// interpolation (positions outside the input read 0), times the optional mask; offsets are
/// [N, offset_group · kH · kW · 2, oH, oW] as (Δy, Δx) pairs. For each output position the samples
/// of every input channel and tap are gathered once, then each output channel is a dot product
/// with its weights. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class DeformConv : Kernel
{
    private readonly SpatialGeometry _geometry;
    private readonly long _group, _offsetGroup;
    private float[]? _x, _w, _o, _b, _m, _y;
    private byte[] _columns = [];

    private DeformConv(SpatialGeometry geometry, long group, long offsetGroup)
    {
        _geometry = geometry;
        _group = group;
        _offsetGroup = offsetGroup;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long group = a.GetInt("group", 1), offsetGroup = a.GetInt("offset_group", 1);
        if (group < 1 || offsetGroup < 1) throw info.Error("group and offset_group must be positive");
        return new DeformConv(SpatialGeometry.Read(info, kernelRequired: false), group, offsetGroup);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var offset = context.Input(2);
        var b = context.OptionalInput(3);
        var mask = context.OptionalInput(4);
        var y = context.Output(0);
        if (x.Rank != 4) throw context.Error($"only 2-D DeformConv is supported: X must be [N, C, H, W], not {Tensor.ShapeText(x.Shape)}");
        if (w.Rank != 4) throw context.Error($"W must be [oC, C / group, kH, kW], not {Tensor.ShapeText(w.Shape)}");
        foreach (var t in (ReadOnlySpan<Tensor?>)[w, offset, b, mask])
            if (t != null && t.Type != x.Type) throw context.Error("all inputs must have the element type of X");
        long n = x.Dim(0), c = x.Dim(1), m = w.Dim(0);
        if (c != w.Dim(1) * _group || m % _group != 0) throw context.Error($"X has {c} channels and W is {Tensor.ShapeText(w.Shape)}: not divisible by group {_group}");
        if (c % _offsetGroup != 0) throw context.Error($"{c} channels are not a multiple of offset_group {_offsetGroup}");
        if (b != null && b.Length != m) throw context.Error($"B has {b.Length} values, expected {m}");
        _geometry.Compute(x.Shape[2..], w.Shape[2..], pooling: false);
        Span<long> shape = stackalloc long[4];
        _geometry.OutputShape(n, m, shape);
        long taps = _geometry.KernelSize;
        if (offset.Rank != 4 || offset.Dim(0) != n || offset.Dim(1) != _offsetGroup * taps * 2 || offset.Dim(2) != shape[2] || offset.Dim(3) != shape[3])
            throw context.Error($"offset {Tensor.ShapeText(offset.Shape)} must be [{n}, {_offsetGroup * taps * 2}, {shape[2]}, {shape[3]}]");
        if (mask != null && (mask.Rank != 4 || mask.Dim(0) != n || mask.Dim(1) != _offsetGroup * taps || mask.Dim(2) != shape[2] || mask.Dim(3) != shape[3]))
            throw context.Error($"mask {Tensor.ShapeText(mask.Shape)} must be [{n}, {_offsetGroup * taps}, {shape[2]}, {shape[3]}]");
        y.Allocate(x.Type, shape);
        var d = new Dims((int)n, (int)c, (int)m);
        switch (x.Type)
        {
            case DataType.Float:
                Run(x.ReadOnlySpan<float>(), w.ReadOnlySpan<float>(), offset.ReadOnlySpan<float>(), b == null ? default : b.ReadOnlySpan<float>(), mask == null ? default : mask.ReadOnlySpan<float>(), y.Span<float>(), d);
                break;
            case DataType.Double:
                Run(x.ReadOnlySpan<double>(), w.ReadOnlySpan<double>(), offset.ReadOnlySpan<double>(), b == null ? default : b.ReadOnlySpan<double>(), mask == null ? default : mask.ReadOnlySpan<double>(), y.Span<double>(), d);
                break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(w, ref _w), FloatStaging.Widen(offset, ref _o),
                    b == null ? default : FloatStaging.Widen(b, ref _b), mask == null ? default : FloatStaging.Widen(mask, ref _m), ys, d);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private readonly record struct Dims(int Batch, int Channels, int Maps);

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> offset, ReadOnlySpan<T> bias, ReadOnlySpan<T> mask, Span<T> y, Dims d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = _geometry;
        int height = g.Input[1], width = g.Input[2], outH = g.Output[1], outW = g.Output[2], kH = g.Kernel[1], kW = g.Kernel[2];
        int taps = kH * kW, outPlane = outH * outW, inPlane = height * width;
        int cPerGroup = d.Channels / (int)_group, mPerGroup = d.Maps / (int)_group, cPerOffsetGroup = d.Channels / (int)_offsetGroup;
        int columnBytes = d.Channels * taps * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (_columns.Length < columnBytes) _columns = new byte[columnBytes];
        var columns = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(_columns.AsSpan(0, columnBytes));
        for (int n = 0; n < d.Batch; n++)
        {
            for (int oh = 0; oh < outH; oh++)
            {
                for (int ow = 0; ow < outW; ow++)
                {
                    int position = oh * outW + ow;
                    // Gather the (masked) sample of every input channel and tap.
                    for (int c = 0; c < d.Channels; c++)
                    {
                        int og = c / cPerOffsetGroup;
                        var plane = x.Slice((n * d.Channels + c) * inPlane, inPlane);
                        for (int k = 0; k < taps; k++)
                        {
                            int kh = k / kW, kw = k % kW;
                            int channel = (og * taps + k) * 2;
                            T dy = offset[((n * (int)_offsetGroup * taps * 2) + channel) * outPlane + position];
                            T dx = offset[((n * (int)_offsetGroup * taps * 2) + channel + 1) * outPlane + position];
                            T py = T.CreateChecked(oh * g.Stride[1] - g.PadBegin[1] + kh * g.Dilation[1]) + dy;
                            T px = T.CreateChecked(ow * g.Stride[2] - g.PadBegin[2] + kw * g.Dilation[2]) + dx;
                            T v = Bilinear(plane, height, width, py, px);
                            if (!mask.IsEmpty) v *= mask[((n * (int)_offsetGroup + og) * taps + k) * outPlane + position];
                            columns[c * taps + k] = v;
                        }
                    }
                    for (int m = 0; m < d.Maps; m++)
                    {
                        int group = m / mPerGroup;
                        var weights = w.Slice(m * cPerGroup * taps, cPerGroup * taps);
                        var samples = columns.Slice(group * cPerGroup * taps, cPerGroup * taps);
                        T sum = bias.IsEmpty ? T.Zero : bias[m];
                        for (int i = 0; i < weights.Length; i++) sum += weights[i] * samples[i];
                        y[(n * d.Maps + m) * outPlane + position] = sum;
                    }
                }
            }
        }
    }

    /// <summary>Bilinear interpolation at (y, x); corners outside the input read 0.</summary>
    private static T Bilinear<T>(ReadOnlySpan<T> plane, int height, int width, T y, T x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (y <= -T.One || y >= T.CreateChecked(height) || x <= -T.One || x >= T.CreateChecked(width)) return T.Zero;
        T yf = T.Floor(y), xf = T.Floor(x);
        int y0 = int.CreateTruncating(yf), x0 = int.CreateTruncating(xf), y1 = y0 + 1, x1 = x0 + 1;
        T ly = y - yf, lx = x - xf, hy = T.One - ly, hx = T.One - lx;
        T v00 = y0 >= 0 && x0 >= 0 ? plane[y0 * width + x0] : T.Zero;
        T v01 = y0 >= 0 && x1 < width ? plane[y0 * width + x1] : T.Zero;
        T v10 = y1 < height && x0 >= 0 ? plane[y1 * width + x0] : T.Zero;
        T v11 = y1 < height && x1 < width ? plane[y1 * width + x1] : T.Zero;
        return hy * hx * v00 + hy * lx * v01 + ly * hx * v10 + ly * lx * v11;
    }
}

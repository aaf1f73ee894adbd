using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// RoiAlign: each RoI [x1, y1, x2, y2] of image batch_indices[r] is divided into output_height ×
/// output_width bins; each bin samples a regular grid (sampling_ratio per axis, or
/// ceil(bin size) when 0) by bilinear interpolation and takes the average, or with mode max the
/// largest weighted corner, as ONNX Runtime does. coordinate_transformation_mode half_pixel
/// (the default from opset 16) shifts by −0.5; output_half_pixel (opset 10's behaviour) does not
/// and keeps RoIs at least 1 wide. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class RoiAlign : Kernel
{
    private readonly bool _max, _halfPixel;
    private readonly int _outH, _outW, _samplingRatio;
    private readonly float _scale;
    private float[]? _x, _r, _y;

    private RoiAlign(bool max, bool halfPixel, int outH, int outW, int samplingRatio, float scale)
    {
        _max = max;
        _halfPixel = halfPixel;
        _outH = outH;
        _outW = outW;
        _samplingRatio = samplingRatio;
        _scale = scale;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var mode = a.GetString("mode", "avg");
        if (mode is not ("avg" or "max")) throw info.Error($"mode '{mode}' must be avg or max");
        var transform = a.GetString("coordinate_transformation_mode", info.Version >= 16 ? "half_pixel" : "output_half_pixel");
        if (transform is not ("half_pixel" or "output_half_pixel")) throw info.Error($"coordinate_transformation_mode '{transform}' must be half_pixel or output_half_pixel");
        long outH = a.GetInt("output_height", 1), outW = a.GetInt("output_width", 1), ratio = a.GetInt("sampling_ratio", 0);
        if (outH < 1 || outW < 1) throw info.Error("output_height and output_width must be positive");
        if (ratio < 0) throw info.Error($"sampling_ratio {ratio} must not be negative");
        return new RoiAlign(mode == "max", transform == "half_pixel", (int)outH, (int)outW, (int)ratio, a.GetFloat("spatial_scale", 1f));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var rois = context.Input(1);
        var batchIndices = context.Input(2);
        var y = context.Output(0);
        if (x.Rank != 4) throw context.Error($"X must be 4-D (N, C, H, W), not {Tensor.ShapeText(x.Shape)}");
        if (rois.Rank != 2 || rois.Dim(1) != 4) throw context.Error($"rois must be [num_rois, 4], not {Tensor.ShapeText(rois.Shape)}");
        if (batchIndices.Length != rois.Dim(0)) throw context.Error($"batch_indices has {batchIndices.Length} values for {rois.Dim(0)} RoIs");
        if (rois.Type != x.Type) throw context.Error("X and rois must have the same element type");
        Span<long> shape = [rois.Dim(0), x.Dim(1), _outH, _outW];
        y.Allocate(x.Type, shape);
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), x.Shape, rois.ReadOnlySpan<float>(), batchIndices, y.Span<float>()); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), x.Shape, rois.ReadOnlySpan<double>(), batchIndices, y.Span<double>()); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), x.Shape, FloatStaging.Widen(rois, ref _r), batchIndices, ys);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<long> xShape, ReadOnlySpan<T> rois, Tensor batchIndices, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int batch = (int)xShape[0], channels = (int)xShape[1], height = (int)xShape[2], width = (int)xShape[3];
        int count = rois.Length / 4;
        T offset = _halfPixel ? T.CreateChecked(0.5) : T.Zero, scale = T.CreateChecked(_scale);
        for (int r = 0; r < count; r++)
        {
            long b = (long)KernelHelpers.GetDouble(batchIndices, r);
            if (b < 0 || b >= batch) throw new EdgeMLException($"RoI {r} has batch index {b}, outside [0, {batch})");
            T startW = rois[r * 4] * scale - offset, startH = rois[r * 4 + 1] * scale - offset;
            T roiW = rois[r * 4 + 2] * scale - offset - startW, roiH = rois[r * 4 + 3] * scale - offset - startH;
            if (!_halfPixel)
            {
                roiW = T.Max(roiW, T.One);
                roiH = T.Max(roiH, T.One);
            }
            T binH = roiH / T.CreateChecked(_outH), binW = roiW / T.CreateChecked(_outW);
            int gridH = _samplingRatio > 0 ? _samplingRatio : int.CreateSaturating(T.Ceiling(roiH / T.CreateChecked(_outH)));
            int gridW = _samplingRatio > 0 ? _samplingRatio : int.CreateSaturating(T.Ceiling(roiW / T.CreateChecked(_outW)));
            T samples = T.CreateChecked(Math.Max(gridH * gridW, 1));
            for (int c = 0; c < channels; c++)
            {
                var plane = x.Slice((int)(b * channels + c) * height * width, height * width);
                var outPlane = y.Slice((r * channels + c) * _outH * _outW, _outH * _outW);
                for (int ph = 0; ph < _outH; ph++)
                {
                    for (int pw = 0; pw < _outW; pw++)
                    {
                        T acc = _max ? T.NegativeInfinity : T.Zero;
                        bool any = false;
                        for (int iy = 0; iy < gridH; iy++)
                        {
                            T yy = startH + T.CreateChecked(ph) * binH + (T.CreateChecked(iy) + T.CreateChecked(0.5)) * binH / T.CreateChecked(gridH);
                            for (int ix = 0; ix < gridW; ix++)
                            {
                                T xx = startW + T.CreateChecked(pw) * binW + (T.CreateChecked(ix) + T.CreateChecked(0.5)) * binW / T.CreateChecked(gridW);
                                T v = Sample(plane, height, width, yy, xx, _max);
                                any = true;
                                acc = _max ? T.Max(acc, v) : acc + v;
                            }
                        }
                        outPlane[ph * _outW + pw] = _max ? (any ? acc : T.Zero) : acc / samples;
                    }
                }
            }
        }
    }

    /// <summary>Bilinear interpolation at (y, x); outside [−1, size] it is 0. With
    /// <paramref name="maxOfCorners"/> the largest of the four weighted corners instead of their sum.</summary>
    private static T Sample<T>(ReadOnlySpan<T> plane, int height, int width, T y, T x, bool maxOfCorners) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (y < -T.One || y > T.CreateChecked(height) || x < -T.One || x > T.CreateChecked(width)) return T.Zero;
        if (y <= T.Zero) y = T.Zero;
        if (x <= T.Zero) x = T.Zero;
        int yLow = int.CreateTruncating(y), xLow = int.CreateTruncating(x), yHigh, xHigh;
        if (yLow >= height - 1)
        {
            yHigh = yLow = height - 1;
            y = T.CreateChecked(yLow);
        }
        else yHigh = yLow + 1;
        if (xLow >= width - 1)
        {
            xHigh = xLow = width - 1;
            x = T.CreateChecked(xLow);
        }
        else xHigh = xLow + 1;
        T ly = y - T.CreateChecked(yLow), lx = x - T.CreateChecked(xLow), hy = T.One - ly, hx = T.One - lx;
        T v1 = hy * hx * plane[yLow * width + xLow], v2 = hy * lx * plane[yLow * width + xHigh];
        T v3 = ly * hx * plane[yHigh * width + xLow], v4 = ly * lx * plane[yHigh * width + xHigh];
        return maxOfCorners ? T.Max(T.Max(v1, v2), T.Max(v3, v4)) : v1 + v2 + v3 + v4;
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MaxRoiPool: for each RoI [batch, x1, y1, x2, y2] (scaled by spatial_scale and rounded), the
/// maximum of each of pooled_shape bins; an empty bin gives 0. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class MaxRoiPool : Kernel
{
    private readonly int _pooledH, _pooledW;
    private readonly float _scale;
    private float[]? _x, _r, _y;

    private MaxRoiPool(int pooledH, int pooledW, float scale)
    {
        _pooledH = pooledH;
        _pooledW = pooledW;
        _scale = scale;
    }

    public static Kernel Create(KernelInfo info)
    {
        var pooled = info.Attributes.GetIntsOrNull("pooled_shape") ?? throw info.Error("attribute pooled_shape is required");
        if (pooled.Length != 2 || pooled[0] < 1 || pooled[1] < 1) throw info.Error("pooled_shape must be two positive sizes");
        return new MaxRoiPool((int)pooled[0], (int)pooled[1], info.Attributes.GetFloat("spatial_scale", 1f));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var rois = context.Input(1);
        var y = context.Output(0);
        if (x.Rank != 4) throw context.Error($"X must be 4-D (N, C, H, W), not {Tensor.ShapeText(x.Shape)}");
        if (rois.Rank != 2 || rois.Dim(1) != 5) throw context.Error($"rois must be [num_rois, 5], not {Tensor.ShapeText(rois.Shape)}");
        if (rois.Type != x.Type) throw context.Error("X and rois must have the same element type");
        Span<long> shape = [rois.Dim(0), x.Dim(1), _pooledH, _pooledW];
        y.Allocate(x.Type, shape);
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), x.Shape, rois.ReadOnlySpan<float>(), y.Span<float>()); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), x.Shape, rois.ReadOnlySpan<double>(), y.Span<double>()); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), x.Shape, FloatStaging.Widen(rois, ref _r), ys);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<long> xShape, ReadOnlySpan<T> rois, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int batch = (int)xShape[0], channels = (int)xShape[1], height = (int)xShape[2], width = (int)xShape[3];
        int count = rois.Length / 5;
        for (int r = 0; r < count; r++)
        {
            var roi = rois.Slice(r * 5, 5);
            int b = int.CreateTruncating(roi[0]);
            if (b < 0 || b >= batch) throw new EdgeMLException($"RoI {r} has batch index {b}, outside [0, {batch})");
            int x1 = Round(roi[1]), y1 = Round(roi[2]), x2 = Round(roi[3]), y2 = Round(roi[4]);
            int roiW = Math.Max(x2 - x1 + 1, 1), roiH = Math.Max(y2 - y1 + 1, 1);
            float binH = roiH / (float)_pooledH, binW = roiW / (float)_pooledW;
            for (int c = 0; c < channels; c++)
            {
                var plane = x.Slice((b * channels + c) * height * width, height * width);
                var outPlane = y.Slice((r * channels + c) * _pooledH * _pooledW, _pooledH * _pooledW);
                for (int ph = 0; ph < _pooledH; ph++)
                {
                    int hStart = Math.Clamp((int)MathF.Floor(ph * binH) + y1, 0, height);
                    int hEnd = Math.Clamp((int)MathF.Ceiling((ph + 1) * binH) + y1, 0, height);
                    for (int pw = 0; pw < _pooledW; pw++)
                    {
                        int wStart = Math.Clamp((int)MathF.Floor(pw * binW) + x1, 0, width);
                        int wEnd = Math.Clamp((int)MathF.Ceiling((pw + 1) * binW) + x1, 0, width);
                        bool empty = hEnd <= hStart || wEnd <= wStart;
                        T max = T.NegativeInfinity;
                        for (int h = hStart; h < hEnd; h++)
                            for (int w = wStart; w < wEnd; w++)
                                max = T.Max(max, plane[h * width + w]);
                        outPlane[ph * _pooledW + pw] = empty ? T.Zero : max;
                    }
                }
            }
        }
    }

    private int Round<T>(T coordinate) where T : IFloatingPointIeee754<T>
        => (int)MathF.Round(float.CreateChecked(coordinate) * _scale, MidpointRounding.AwayFromZero);
}

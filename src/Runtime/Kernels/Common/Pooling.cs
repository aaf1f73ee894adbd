using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// What the pooling operators share: the output shape ([N, C, windows...], or [N, C, 1, ...] for the
/// Global forms), the p attribute of the Lp pools, and the window loops of the summing pools.
/// float16 and bfloat16 are summed in float32.
/// </summary>
public static class Pooling
{
    /// <summary>Sizes Y (and the optional indices of MaxPool) for a windowed pool of X; returns the
    /// number of (N, C) planes.</summary>
    public static int AllocateWindowed(KernelContext context, SpatialGeometry geometry, Tensor x, Tensor y, Tensor? indices = null)
    {
        if (x.Rank < 3) throw context.Error($"X must have rank 3 or more (N, C, spatial...), not {x.Rank}");
        geometry.Compute(x.Shape[2..], default, pooling: true);
        Span<long> shape = stackalloc long[x.Rank];
        geometry.OutputShape(x.Dim(0), x.Dim(1), shape);
        y.Allocate(x.Type, shape);
        indices?.Allocate(DataType.Int64, shape);
        return (int)(x.Dim(0) * x.Dim(1));
    }

    /// <summary>Sizes Y as [N, C, 1, ...] for a global pool of X; returns the size of one plane.</summary>
    public static int AllocateGlobal(KernelContext context, Tensor x, Tensor y)
    {
        if (x.Rank < 2) throw context.Error($"X must have rank 2 or more (N, C, spatial...), not {x.Rank}");
        Span<long> shape = stackalloc long[x.Rank];
        shape.Fill(1);
        shape[0] = x.Dim(0);
        shape[1] = x.Dim(1);
        y.Allocate(x.Type, shape);
        return (int)KernelHelpers.Product(x.Shape, 2, x.Rank);
    }

    /// <summary>The p of LpPool and GlobalLpPool (default 2): a float attribute in opset 1, an int after.</summary>
    public static double ReadP(KernelInfo info)
    {
        var attr = info.Attributes.Find("p");
        double p = attr == null ? 2 : attr.Type == Model.AttributeType.Float ? attr.Float : attr.Int;
        if (p <= 0) throw info.Error($"p {p} must be positive");
        return p;
    }

    /// <summary>
    /// Runs a summing pool on context's X into Y: over the windows of <paramref name="geometry"/>, or
    /// over whole planes when it is null (the Global forms). <paramref name="xs"/> and
    /// <paramref name="ys"/> are the kernel's float32 scratch for float16 and bfloat16.
    /// </summary>
    public static void Sum<TSum>(KernelContext context, SpatialGeometry? geometry, TSum pool, ref float[]? xs, ref float[]? ys) where TSum : struct, IPoolSum
    {
        var x = context.Input(0);
        var y = context.Output(0);
        int planes, plane;
        if (geometry == null)
        {
            plane = AllocateGlobal(context, x, y);
            planes = (int)y.Length;
        }
        else
        {
            planes = AllocateWindowed(context, geometry, x, y);
            plane = 0;
        }
        switch (x.Type)
        {
            case DataType.Float: Run(x.ReadOnlySpan<float>(), y.Span<float>(), geometry, planes, plane, pool); break;
            case DataType.Double: Run(x.ReadOnlySpan<double>(), y.Span<double>(), geometry, planes, plane, pool); break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var staged = FloatStaging.Output(y, ref ys);
                Run(FloatStaging.Widen(x, ref xs), staged, geometry, planes, plane, pool);
                FloatStaging.Complete(y, staged);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private static void Run<T, TSum>(ReadOnlySpan<T> x, Span<T> y, SpatialGeometry? geometry, int planes, int plane, TSum pool)
        where T : unmanaged, IFloatingPointIeee754<T> where TSum : struct, IPoolSum
    {
        if (geometry == null) SumPlanes(x, y, planes, plane, pool);
        else SumWindows(x, y, geometry, planes, pool);
    }

    private static void SumPlanes<T, TSum>(ReadOnlySpan<T> x, Span<T> y, int planes, int plane, TSum pool)
        where T : unmanaged, IFloatingPointIeee754<T> where TSum : struct, IPoolSum
    {
        for (int p = 0; p < planes; p++)
        {
            var xp = x.Slice(p * plane, plane);
            T sum = T.Zero;
            for (int i = 0; i < xp.Length; i++) sum += pool.Term(xp[i]);
            y[p] = pool.Result(sum, new PoolWindow(0, 0, 0, plane));
        }
    }

    private static void SumWindows<T, TSum>(ReadOnlySpan<T> x, Span<T> y, SpatialGeometry g, int planes, TSum pool)
        where T : unmanaged, IFloatingPointIeee754<T> where TSum : struct, IPoolSum
    {
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
                                for (int tw = w0; tw < w1; tw++) sum += pool.Term(xp[row + tw * g.Dilation[2]]);
                            }
                        }
                        y[o] = pool.Result(sum, new PoolWindow(od, oh, ow, (d1 - d0) * (h1 - h0) * (w1 - w0)));
                    }
                }
            }
        }
    }
}

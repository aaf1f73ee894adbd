using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>AffineGrid (opset 20): the sampling grid of GridSample for a batch of affine matrices
/// theta [N, 2, 3] (2-D) or [N, 3, 4] (3-D): each output point is theta applied to the normalised
/// coordinates (x, y[, z], 1) of the pixel centres (align_corners=0) or pixel corners (1).</summary>
public sealed class AffineGrid : Kernel
{
    private readonly bool _alignCorners;
    private AffineGrid(bool alignCorners) => _alignCorners = alignCorners;

    public static Kernel Create(KernelInfo info) => new AffineGrid(info.Attributes.GetInt("align_corners", 0) != 0);

    public override void Execute(KernelContext context)
    {
        var theta = context.Input(0);
        var y = context.Output(0);
        Span<long> size = stackalloc long[5];
        int sizeCount = KernelHelpers.ReadInt64s(context.Input(1), size);
        int r = sizeCount - 2;
        if (r != 2 && r != 3) throw context.Error($"size must have 4 or 5 values, not {sizeCount}");
        long n = size[0];
        if (theta.Rank != 3 || theta.Dim(0) != n || theta.Dim(1) != r || theta.Dim(2) != r + 1)
            throw context.Error($"theta {Tensor.ShapeText(theta.Shape)} must be [{n}, {r}, {r + 1}]");
        if (!DataTypeInfo.IsFloat(theta.Type) || !Numbers.IsNumeric(theta.Type)) throw context.Error($"element type {DataTypeInfo.Name(theta.Type)} is not supported");
        Span<long> shape = stackalloc long[r + 2];
        shape[0] = n;
        for (int d = 0; d < r; d++) shape[1 + d] = size[2 + d];
        shape[r + 1] = r;
        y.Allocate(theta.Type, shape);
        long points = KernelHelpers.Product(shape, 1, r + 1);
        Span<long> index = stackalloc long[r];
        Span<double> point = stackalloc double[r + 1];
        for (long b = 0; b < n; b++)
        {
            index.Clear();
            for (long p = 0; p < points; p++)
            {
                // Homogeneous point (x, y[, z], 1): x runs along the last spatial axis.
                for (int k = 0; k < r; k++)
                {
                    int d = r - 1 - k;
                    point[k] = Normalised(index[d], size[2 + d]);
                }
                point[r] = 1;
                for (int row = 0; row < r; row++)
                {
                    double v = 0;
                    for (int col = 0; col <= r; col++) v += Numbers.Get(theta, (b * r + row) * (r + 1) + col) * point[col];
                    Numbers.Set(y, (b * points + p) * r + row, v);
                }
                IndexMaps.Next(index, shape.Slice(1, r));
            }
        }
    }

    private double Normalised(long i, long size)
    {
        if (_alignCorners) return size == 1 ? -1 : -1 + 2.0 * i / (size - 1);
        return (2.0 * i + 1) / size - 1;
    }
}

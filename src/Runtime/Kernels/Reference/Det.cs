using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Det (opsets 11 and 22): the determinant of each [M, M] matrix in the innermost two dimensions,
/// by LU decomposition with partial pivoting in double precision; output shape is the batch shape.
/// </summary>
public sealed class Det : Kernel
{
    private double[] _lu = [];

    public static Kernel Create(KernelInfo info) => new Det();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type is not (DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16))
            throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        if (x.Rank < 2 || x.Shape[^1] != x.Shape[^2]) throw context.Error($"input must be [*, M, M], not {Tensor.ShapeText(x.Shape)}");
        int m = (int)x.Shape[^1];
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape[..^2]);
        int batches = (int)y.Length;
        if (_lu.Length < m * m) _lu = new double[m * m];
        var a = _lu.AsSpan(0, m * m);
        for (int b = 0; b < batches; b++)
        {
            for (int i = 0; i < m * m; i++) a[i] = KernelHelpers.GetDouble(x, b * m * m + i);
            SignalMath.WriteNumber(y, b, Determinant(a, m));
        }
    }

    private static double Determinant(Span<double> a, int m)
    {
        double det = 1;
        for (int col = 0; col < m; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < m; r++)
                if (Math.Abs(a[r * m + col]) > Math.Abs(a[pivot * m + col])) pivot = r;
            if (a[pivot * m + col] == 0) return 0;
            if (pivot != col)
            {
                for (int k = 0; k < m; k++) (a[col * m + k], a[pivot * m + k]) = (a[pivot * m + k], a[col * m + k]);
                det = -det;
            }
            double diagonal = a[col * m + col];
            det *= diagonal;
            for (int r = col + 1; r < m; r++)
            {
                double factor = a[r * m + col] / diagonal;
                if (factor == 0) continue;
                for (int k = col + 1; k < m; k++) a[r * m + k] -= factor * a[col * m + k];
            }
        }
        return det;
    }
}

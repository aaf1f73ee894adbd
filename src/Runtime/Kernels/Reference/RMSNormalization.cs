using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// RMSNormalization: each row over axes [axis, rank) is divided by sqrt(mean(x²) + epsilon) and
/// multiplied by scale, which broadcasts unidirectionally to X; Y has scale's type. Computed in
/// float32 (double when X and scale are double).
/// </summary>
public sealed class RMSNormalization : Kernel
{
    private readonly long _axis;
    private readonly float _epsilon;
    private int[] _scaleRows = [], _scaleCols = [];
    private float[]? _x, _s, _y;

    private RMSNormalization(long axis, float epsilon)
    {
        _axis = axis;
        _epsilon = epsilon;
    }

    public static Kernel Create(KernelInfo info) => new RMSNormalization(info.Attributes.GetInt("axis", -1), info.Attributes.GetFloat("epsilon", 1e-5f));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var y = context.Output(0);
        int rank = x.Rank;
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        int rows = (int)KernelHelpers.Product(x.Shape, 0, axis), cols = (int)KernelHelpers.Product(x.Shape, axis, rank);
        if (_scaleRows.Length < rows) _scaleRows = new int[rows];
        if (_scaleCols.Length < cols) _scaleCols = new int[cols];
        BroadcastOffsets.Fill(scale.Shape, x.Shape, 0, axis, _scaleRows, "scale");
        BroadcastOffsets.Fill(scale.Shape, x.Shape, axis, rank, _scaleCols, "scale");
        y.Allocate(scale.Type, x.Shape);
        if (x.Type == DataType.Double && scale.Type == DataType.Double)
        {
            Run(x.ReadOnlySpan<double>(), scale.ReadOnlySpan<double>(), y.Span<double>(), rows, cols);
            return;
        }
        if (x.Type == DataType.Double || scale.Type == DataType.Double)
            throw context.Error($"X {DataTypeInfo.Name(x.Type)} with scale {DataTypeInfo.Name(scale.Type)} is not supported");
        var ys = FloatStaging.Output(y, ref _y);
        Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(scale, ref _s), ys, rows, cols);
        FloatStaging.Complete(y, ys);
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> scale, Span<T> y, int rows, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T n = T.CreateChecked(cols), epsilon = T.CreateChecked(_epsilon);
        for (int r = 0; r < rows; r++)
        {
            var xs = x.Slice(r * cols, cols);
            var ys = y.Slice(r * cols, cols);
            T squares = T.Zero;
            for (int j = 0; j < cols; j++) squares += xs[j] * xs[j];
            T inv = T.One / T.Sqrt(squares / n + epsilon);
            int sRow = _scaleRows[r];
            for (int j = 0; j < cols; j++) ys[j] = xs[j] * inv * scale[sRow + _scaleCols[j]];
        }
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LayerNormalization: each row over axes [axis, rank) is standardised, (x − mean) / sqrt(var +
/// epsilon), then scaled and shifted by Scale and B, which broadcast unidirectionally to X. The
/// optional outputs are the mean and inverse standard deviation, shaped X[:axis] + [1, ...].
/// Mean and variance are two-pass, in float32 (double for double X); float16 and bfloat16 are
/// computed in float32.
/// </summary>
public sealed class LayerNormalization : Kernel
{
    private readonly long _axis;
    private readonly float _epsilon;
    private readonly DataType _meanType, _invStdType;
    private int[] _scaleRows = [], _scaleCols = [], _biasRows = [], _biasCols = [];
    private double[] _stats = [];
    private float[]? _x, _s, _b, _y;

    private LayerNormalization(long axis, float epsilon, DataType meanType, DataType invStdType)
    {
        _axis = axis;
        _epsilon = epsilon;
        _meanType = meanType;
        _invStdType = invStdType;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        return new LayerNormalization(a.GetInt("axis", -1), a.GetFloat("epsilon", 1e-5f), StatisticsOutput.TypeOf(info, 1), StatisticsOutput.TypeOf(info, 2));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var bias = context.OptionalInput(2);
        var y = context.Output(0);
        if (scale.Type != x.Type || (bias != null && bias.Type != x.Type)) throw context.Error("X, Scale and B must have the same element type");
        int rank = x.Rank;
        int axis = KernelHelpers.NormalizeAxis(_axis, rank);
        int rows = (int)KernelHelpers.Product(x.Shape, 0, axis), cols = (int)KernelHelpers.Product(x.Shape, axis, rank);
        Grow(ref _scaleRows, rows);
        Grow(ref _scaleCols, cols);
        BroadcastOffsets.Fill(scale.Shape, x.Shape, 0, axis, _scaleRows, "Scale");
        BroadcastOffsets.Fill(scale.Shape, x.Shape, axis, rank, _scaleCols, "Scale");
        if (bias != null)
        {
            Grow(ref _biasRows, rows);
            Grow(ref _biasCols, cols);
            BroadcastOffsets.Fill(bias.Shape, x.Shape, 0, axis, _biasRows, "B");
            BroadcastOffsets.Fill(bias.Shape, x.Shape, axis, rank, _biasCols, "B");
        }
        if (_stats.Length < 2 * rows) _stats = new double[2 * rows];
        y.Allocate(x.Type, x.Shape);
        switch (x.Type)
        {
            case DataType.Float:
                Run(x.ReadOnlySpan<float>(), scale.ReadOnlySpan<float>(), bias == null ? default : bias.ReadOnlySpan<float>(), bias != null, y.Span<float>(), rows, cols);
                break;
            case DataType.Double:
                Run(x.ReadOnlySpan<double>(), scale.ReadOnlySpan<double>(), bias == null ? default : bias.ReadOnlySpan<double>(), bias != null, y.Span<double>(), rows, cols);
                break;
            case DataType.Float16:
            case DataType.BFloat16:
            {
                var ys = FloatStaging.Output(y, ref _y);
                Run(FloatStaging.Widen(x, ref _x), FloatStaging.Widen(scale, ref _s), bias == null ? default : FloatStaging.Widen(bias, ref _b), bias != null, ys, rows, cols);
                FloatStaging.Complete(y, ys);
                break;
            }
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
        var meanOut = context.OptionalOutput(1);
        var invOut = context.OptionalOutput(2);
        if (meanOut != null || invOut != null)
        {
            Span<long> shape = stackalloc long[rank];
            for (int i = 0; i < rank; i++) shape[i] = i < axis ? x.Dim(i) : 1;
            StatisticsOutput.Write(meanOut, _meanType, shape, _stats.AsSpan(0, rows));
            StatisticsOutput.Write(invOut, _invStdType, shape, _stats.AsSpan(rows, rows));
        }
    }

    private static void Grow(ref int[] table, int count)
    {
        if (table.Length < count) table = new int[count];
    }

    private void Run<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> scale, ReadOnlySpan<T> bias, bool hasBias, Span<T> y, int rows, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T n = T.CreateChecked(cols), epsilon = T.CreateChecked(_epsilon);
        for (int r = 0; r < rows; r++)
        {
            var xs = x.Slice(r * cols, cols);
            var ys = y.Slice(r * cols, cols);
            T sum = T.Zero;
            for (int j = 0; j < cols; j++) sum += xs[j];
            T mean = sum / n;
            T squares = T.Zero;
            for (int j = 0; j < cols; j++)
            {
                T d = xs[j] - mean;
                squares += d * d;
            }
            T inv = T.One / T.Sqrt(squares / n + epsilon);
            _stats[r] = double.CreateChecked(mean);
            _stats[rows + r] = double.CreateChecked(inv);
            int sRow = _scaleRows[r], bRow = hasBias ? _biasRows[r] : 0;
            for (int j = 0; j < cols; j++)
            {
                T v = (xs[j] - mean) * inv * scale[sRow + _scaleCols[j]];
                ys[j] = hasBias ? v + bias[bRow + _biasCols[j]] : v;
            }
        }
    }
}

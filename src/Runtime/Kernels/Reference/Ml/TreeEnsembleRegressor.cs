using System.Numerics;
using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml TreeEnsembleRegressor (1, 3; deprecated in 5): sums (or averages, or takes
/// the min or max of) the leaf weights of every tree per target. Compares and accumulates in double
/// for double inputs, in float otherwise; writes float [N, n_targets].</summary>
public sealed class TreeEnsembleRegressor : Kernel
{
    private readonly TreeEnsembleCore _trees;
    private readonly int _targets;
    private readonly double[] _base;
    private readonly PostTransform _transform;
    private float[] _rowF = [];
    private double[] _rowD = [];
    private float[] _scoresF = [];
    private double[] _scoresD = [];
    private bool[] _has = [];
    private float[] _floats = [];

    private TreeEnsembleRegressor(TreeEnsembleCore trees, int targets, double[] baseValues, PostTransform transform)
    {
        _trees = trees;
        _targets = targets;
        _base = baseValues;
        _transform = transform;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long targets = a.GetInt("n_targets", 0);
        if (targets <= 0) throw info.Error("n_targets must be positive");
        var aggregate = a.GetString("aggregate_function", "SUM") switch
        {
            "SUM" => TreeAggregate.Sum,
            "AVERAGE" => TreeAggregate.Average,
            "MIN" => TreeAggregate.Min,
            "MAX" => TreeAggregate.Max,
            var s => throw info.Error($"aggregate_function '{s}' is not one of SUM, AVERAGE, MIN, MAX"),
        };
        var baseValues = MlScores.FloatsOrTensor(info, "base_values") ?? [];
        if (baseValues.Length != 0 && baseValues.Length != targets && !(targets == 1 && baseValues.Length == 1))
            throw info.Error($"base_values has {baseValues.Length} values for {targets} targets");
        var trees = TreeEnsembleCore.FromV3(info, "target", (int)targets, aggregate);
        return new TreeEnsembleRegressor(trees, (int)targets, baseValues, MlScores.ParseTransform(a.GetString("post_transform", "NONE"), info));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = _trees.CheckInput(x, context);
        var y = context.Output(0);
        Span<long> shape = [rows, _targets];
        y.Allocate(DataType.Float, shape);
        if (x.Type == DataType.Double) Run(x, rows, columns, y.Span<float>(), ref _rowD, ref _scoresD, context);
        else Run(x, rows, columns, y.Span<float>(), ref _rowF, ref _scoresF, context);
    }

    private void Run<T>(Tensor x, int rows, int columns, Span<float> output, ref T[] row, ref T[] scores, KernelContext context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (scores.Length < _targets) scores = new T[_targets];
        if (_has.Length < _targets) _has = new bool[_targets];
        if (_floats.Length < _targets) _floats = new float[_targets];
        for (int r = 0; r < rows; r++)
        {
            var features = TreeEnsembleCore.Row(x, r, columns, ref row, context);
            if (_targets == 1)
            {
                T s = _trees.AccumulateSingle(features, out bool has);
                output[r] = float.CreateTruncating(TreeScores.FinishSingle(s, has, _trees, _base, _transform));
                continue;
            }
            var sc = scores.AsSpan(0, _targets);
            var has2 = _has.AsSpan(0, _targets);
            _trees.Accumulate(features, sc, has2);
            TreeScores.FinishMany(sc, has2, _trees, _base, _transform, _floats);
            var o = output.Slice(r * _targets, _targets);
            for (int j = 0; j < _targets; j++) o[j] = float.CreateTruncating(sc[j]);
        }
    }
}

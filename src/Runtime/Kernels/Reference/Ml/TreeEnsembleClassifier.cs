using System.Numerics;
using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>
/// ai.onnx.ml TreeEnsembleClassifier (1, 3; deprecated in 5): sums the class weights of the leaves
/// reached, adds base_values and picks the top class. The two-class cases follow ONNX Runtime
/// exactly: when every leaf votes for a single class the ensemble gives one score s, written as
/// [1 - s, s] when all weights are positive (class 1 when s &gt; 0.5) and as [-s, s] otherwise
/// (class 1 when s &gt; 0), as [logistic(-s), logistic(s)] under LOGISTIC; with two base values the
/// score of class 1 is base_values[1] + the sum. Only class-0 votes make a lone score: votes for
/// class 1 alone give [0, s] (transformed as a pair). Compares and sums in double for double inputs, else float.
/// </summary>
public sealed class TreeEnsembleClassifier : Kernel
{
    private readonly TreeEnsembleCore _trees;
    private readonly int _classes;
    private readonly double[] _base;
    private readonly PostTransform _transform;
    private readonly long[]? _intLabels;
    private readonly string[]? _stringLabels;
    private readonly bool _binaryCase;
    private readonly bool _allPositive;
    private float[] _rowF = [];
    private double[] _rowD = [];
    private float[] _scoresF = [];
    private double[] _scoresD = [];
    private bool[] _has = [];
    private float[] _floats = [];

    private TreeEnsembleClassifier(TreeEnsembleCore trees, int classes, double[] baseValues, PostTransform transform,
        long[]? intLabels, string[]? stringLabels, bool binaryCase, bool allPositive)
    {
        _trees = trees;
        _classes = classes;
        _base = baseValues;
        _transform = transform;
        _intLabels = intLabels;
        _stringLabels = stringLabels;
        _binaryCase = binaryCase;
        _allPositive = allPositive;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var strings = a.GetStrings("classlabels_strings", []);
        var ints = a.GetInts("classlabels_int64s", []);
        if ((strings.Length == 0) == (ints.Length == 0)) throw info.Error("exactly one of classlabels_strings and classlabels_int64s must be given");
        int classes = strings.Length > 0 ? strings.Length : ints.Length;
        var baseValues = MlScores.FloatsOrTensor(info, "base_values") ?? [];
        if (classes <= 2 ? baseValues.Length > 2 : baseValues.Length != 0 && baseValues.Length != classes)
            throw info.Error($"base_values has {baseValues.Length} values for {classes} classes");
        var trees = TreeEnsembleCore.FromV3(info, "class", classes, TreeAggregate.Sum);
        var ids = a.GetInts("class_ids", []);
        var weights = MlScores.FloatsOrTensor(info, "class_weights") ?? [];
        bool allPositive = true;
        foreach (var w in weights) if (w < 0) allPositive = false;
        var distinct = new HashSet<long>(ids);
        return new TreeEnsembleClassifier(trees, classes, baseValues, MlScores.ParseTransform(a.GetString("post_transform", "NONE"), info),
            strings.Length > 0 ? null : ints, strings.Length > 0 ? strings : null, classes == 2 && distinct.Count == 1, allPositive);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = _trees.CheckInput(x, context);
        var y = context.Output(0);
        var z = context.Output(1);
        Span<long> shape = [rows, _classes];
        y.Allocate(_stringLabels != null ? DataType.String : DataType.Int64, shape[..1]);
        z.Allocate(DataType.Float, shape);
        if (_floats.Length < Math.Max(_classes, 2)) _floats = new float[Math.Max(_classes, 2)];
        if (x.Type == DataType.Double) Run(x, rows, columns, y, z.Span<float>(), ref _rowD, ref _scoresD, context);
        else Run(x, rows, columns, y, z.Span<float>(), ref _rowF, ref _scoresF, context);
    }

    private void Run<T>(Tensor x, int rows, int columns, Tensor labels, Span<float> z, ref T[] row, ref T[] scores, KernelContext context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (scores.Length < _classes) scores = new T[_classes];
        if (_has.Length < _classes) _has = new bool[_classes];
        for (int r = 0; r < rows; r++)
        {
            var features = TreeEnsembleCore.Row(x, r, columns, ref row, context);
            var o = z.Slice(r * _classes, _classes);
            long label;
            if (_classes == 1)
            {
                T s = _trees.AccumulateSingle(features, out _);
                if (_base.Length == 1) s += T.CreateTruncating(_base[0]);
                label = s > T.Zero ? 1 : 0;
                o[0] = _transform == PostTransform.Probit ? MlScores.Probit(float.CreateTruncating(s)) : float.CreateTruncating(s);
            }
            else
            {
                var sc = scores.AsSpan(0, _classes);
                var has = _has.AsSpan(0, _classes);
                _trees.Accumulate(features, sc, has);
                label = _classes > 2 ? Multiclass(sc, has, o) : Binary(sc, has, o);
            }
            if (_stringLabels != null) labels.Strings[r] = _stringLabels[label];
            else labels.Span<long>()[r] = label;
        }
    }

    /// <summary>Three or more classes: base values, the first highest scored class, the transform.
    /// Returns the label's value (int labels) or index (string labels).</summary>
    private long Multiclass<T>(Span<T> sc, Span<bool> has, Span<float> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < _base.Length; k++)
        {
            sc[k] = has[k] ? sc[k] + T.CreateTruncating(_base[k]) : T.CreateTruncating(_base[k]);
            has[k] = true;
        }
        int best = -1;
        for (int k = 0; k < sc.Length; k++)
            if (has[k] && (best < 0 || sc[k] > sc[best])) best = k;
        if (best < 0) best = 0;
        for (int k = 0; k < sc.Length; k++) o[k] = has[k] ? float.CreateTruncating(sc[k]) : 0f;
        MlScores.Transform(o, _transform);
        return _intLabels != null ? _intLabels[best] : best;
    }

    /// <summary>Two classes, with ONNX Runtime's conventions for base values and lone scores.</summary>
    private long Binary<T>(Span<T> sc, Span<bool> has, Span<float> o) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var second = (MlScores.SecondClass?)null;
        bool two = true;
        if (_base.Length == 2)
        {
            if (has[1])
            {
                sc[1] = T.CreateTruncating(_base[1]) + sc[0];
                sc[0] = -sc[1];
            }
            else
            {
                sc[1] += T.CreateTruncating(_base[1]);
                sc[0] += T.CreateTruncating(_base[0]);
            }
        }
        else if (_base.Length == 1)
        {
            sc[0] += T.CreateTruncating(_base[0]);
            two = has[1];
        }
        else
        {
            second = MlScores.SecondClass.Symmetric;
            two = has[1];
        }

        T positive = two && has[1] ? sc[1] : has[0] ? sc[0] : T.Zero;
        long label;
        if (_binaryCase)
        {
            bool winner;
            if (_allPositive)
            {
                winner = positive > T.CreateTruncating(0.5);
                second = MlScores.SecondClass.ComplementOfOne;
            }
            else
            {
                winner = positive > T.Zero;
                second = MlScores.SecondClass.Symmetric;
            }
            int index = winner ? 1 : 0;
            label = _intLabels != null ? _intLabels[index] : index;
        }
        else
        {
            // Not a single-class vote: ONNX Runtime answers 1 or 0 itself, not classlabels[1 or 0].
            label = positive > T.Zero ? 1 : 0;
        }

        if (two)
        {
            o[0] = has[0] ? float.CreateTruncating(sc[0]) : 0f;
            o[1] = has[1] ? float.CreateTruncating(sc[1]) : 0f;
            MlScores.Transform(o, _transform);
        }
        else
        {
            float s = has[0] ? float.CreateTruncating(sc[0]) : 0f;
            MlScores.WriteBinary(s, _transform, second ?? MlScores.SecondClass.None, o);
        }
        return label;
    }
}

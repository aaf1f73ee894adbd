using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml LinearClassifier (1): scores = X coefficients^T + intercepts (one class per
/// intercept), the top class, then the post transform. With a single score per row the label is
/// classlabels[1] when the score is positive, else classlabels[0] (1 or 0 without two labels), and
/// with two labels the scores are written as [1 - s, s], or [logistic(-s), logistic(s)] under
/// LOGISTIC (ONNX Runtime's convention).</summary>
public sealed class LinearClassifier : Kernel
{
    private readonly float[] _coefficients;
    private readonly float[] _intercepts;
    private readonly int _classes;
    private readonly PostTransform _transform;
    private readonly long[]? _intLabels;
    private readonly string[]? _stringLabels;
    private readonly bool _secondClass;
    private float[] _row = [];

    private LinearClassifier(float[] coefficients, float[] intercepts, int classes, PostTransform transform, long[]? intLabels, string[]? stringLabels)
    {
        _coefficients = coefficients;
        _intercepts = intercepts;
        _classes = classes;
        _transform = transform;
        _intLabels = intLabels;
        _stringLabels = stringLabels;
        int labels = stringLabels?.Length ?? intLabels!.Length;
        _secondClass = classes == 1 && labels == 2;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var coefficients = a.GetFloats("coefficients", []);
        if (coefficients.Length == 0) throw info.Error("coefficients is required");
        var intercepts = a.GetFloats("intercepts", []);
        var strings = a.GetStrings("classlabels_strings", []);
        var ints = a.GetInts("classlabels_ints", []);
        if (strings.Length > 0 && ints.Length > 0) throw info.Error("only one of classlabels_strings and classlabels_ints may be given");
        // One class per intercept (as ONNX Runtime counts them); without intercepts, one per label.
        int classes = intercepts.Length > 0 ? intercepts.Length : Math.Max(1, strings.Length + ints.Length);
        if (intercepts.Length == 0) intercepts = new float[classes];
        if (coefficients.Length % classes != 0) throw info.Error($"{coefficients.Length} coefficients do not divide into {classes} classes");
        int labels = strings.Length + ints.Length;
        if (classes > 1 && labels < classes) throw info.Error($"{classes} classes need {classes} class labels, not {labels}");
        return new LinearClassifier(coefficients, intercepts, classes, MlScores.ParseTransform(a.GetString("post_transform", "NONE"), info),
            strings.Length > 0 ? null : ints, strings.Length > 0 ? strings : null);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = MlScores.RowsAndColumns(x, context);
        if (columns * _classes != _coefficients.Length) throw context.Error($"the input has {columns} features but the coefficients are for {_coefficients.Length / _classes}");
        var y = context.Output(0);
        var z = context.Output(1);
        int zColumns = _secondClass ? 2 : _classes;
        Span<long> shape = [rows, zColumns];
        y.Allocate(_stringLabels != null ? DataType.String : DataType.Int64, shape[..1]);
        z.Allocate(DataType.Float, shape);
        var scores = z.Span<float>();
        if (_row.Length < columns) _row = new float[columns];
        var row = _row.AsSpan(0, columns);
        for (int r = 0; r < rows; r++)
        {
            MlScores.ReadRow(x, r, row, context);
            var s = scores.Slice(r * _classes, _classes);
            for (int c = 0; c < _classes; c++)
            {
                var w = _coefficients.AsSpan(c * columns, columns);
                float sum = 0;
                for (int i = 0; i < columns; i++) sum += row[i] * w[i];
                s[c] = sum + _intercepts[c];
            }
            int label;
            if (_classes == 1)
            {
                label = s[0] > 0 ? 1 : 0;
                if (_stringLabels != null) y.Strings[r] = _stringLabels.Length == 2 ? _stringLabels[label] : (label == 1 ? "1" : "0");
                else y.Span<long>()[r] = _intLabels!.Length == 2 ? _intLabels[label] : label;
                continue;
            }
            label = 0;
            for (int c = 1; c < _classes; c++) if (s[c] > s[label]) label = c;
            if (_stringLabels != null) y.Strings[r] = _stringLabels[label];
            else y.Span<long>()[r] = _intLabels![label];
        }
        MlScores.UpdateRows(scores, rows, _classes, _transform, _secondClass ? MlScores.SecondClass.ComplementOfOne : MlScores.SecondClass.None);
    }
}

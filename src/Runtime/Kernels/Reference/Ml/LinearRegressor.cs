using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>ai.onnx.ml LinearRegressor (1): Y = X coefficients^T + intercepts, [N, targets] in
/// float; the post transform applies to rows of two or more targets (a single target: PROBIT only,
/// as in ONNX Runtime).</summary>
public sealed class LinearRegressor : Kernel
{
    private readonly float[] _coefficients;
    private readonly float[] _intercepts;
    private readonly int _targets;
    private readonly PostTransform _transform;
    private float[] _row = [];

    private LinearRegressor(float[] coefficients, float[] intercepts, int targets, PostTransform transform)
    {
        _coefficients = coefficients;
        _intercepts = intercepts;
        _targets = targets;
        _transform = transform;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        var coefficients = a.GetFloats("coefficients", []);
        long targets = a.GetInt("targets", 1);
        if (targets <= 0) throw info.Error("targets must be positive");
        if (coefficients.Length == 0 || coefficients.Length % targets != 0) throw info.Error($"{coefficients.Length} coefficients do not divide into {targets} targets");
        var intercepts = a.GetFloats("intercepts", []);
        if (intercepts.Length == 0) intercepts = new float[targets];
        if (intercepts.Length != targets) throw info.Error($"intercepts has {intercepts.Length} values for {targets} targets");
        return new LinearRegressor(coefficients, intercepts, (int)targets, MlScores.ParseTransform(a.GetString("post_transform", "NONE"), info));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = MlScores.RowsAndColumns(x, context);
        if (columns * _targets != _coefficients.Length) throw context.Error($"the input has {columns} features but the coefficients are for {_coefficients.Length / _targets}");
        var y = context.Output(0);
        Span<long> shape = [rows, _targets];
        y.Allocate(DataType.Float, shape);
        var output = y.Span<float>();
        if (_row.Length < columns) _row = new float[columns];
        var row = _row.AsSpan(0, columns);
        for (int r = 0; r < rows; r++)
        {
            MlScores.ReadRow(x, r, row, context);
            for (int t = 0; t < _targets; t++)
            {
                var w = _coefficients.AsSpan(t * columns, columns);
                float sum = 0;
                for (int i = 0; i < columns; i++) sum += row[i] * w[i];
                output[r * _targets + t] = sum + _intercepts[t];
            }
        }
        MlScores.UpdateRows(output, rows, _targets, _transform, MlScores.SecondClass.None);
    }
}

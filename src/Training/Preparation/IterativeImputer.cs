using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using MathNet.Numerics.LinearAlgebra;

namespace EdgeML.Training.Preparation;

/// <summary>
/// Multivariate imputation by chained ridge regressions (MICE-style, deterministic): start from column means,
/// then for a fixed number of rounds predict every column from all the others and refill its missing cells.
/// All columns are refilled together each round, so a round is one matrix product on the device.
/// </summary>
internal sealed class IterativeImputer(int rounds) : NumericImputer
{
    private const double Ridge = 1e-3;
    private readonly SimpleImputer _initial = new("mean", 0);
    private readonly List<(float[] Weights, float[] Bias)> _rounds = [];
    private int _columns;

    public override string Name => $"iterative({rounds} rounds)";

    public override void Fit(float[][] rows)
    {
        _columns = rows.Length == 0 ? 0 : rows[0].Length;
        _initial.Fit(rows);
        _rounds.Clear();
        var filled = _initial.Transform(rows);
        for (var round = 0; round < rounds; round++)
        {
            var weights = new float[_columns * _columns]; // [from, to], zero diagonal
            var bias = new float[_columns];
            for (var target = 0; target < _columns; target++)
            {
                var observed = Enumerable.Range(0, rows.Length).Where(i => !float.IsNaN(rows[i][target])).ToArray();
                if (observed.Length < 3 || _columns == 1) { bias[target] = _initial.FillValues[target]; continue; }
                var others = Enumerable.Range(0, _columns).Where(c => c != target).ToArray();
                var x = Matrix<double>.Build.Dense(observed.Length, others.Length + 1, (i, j) => j == others.Length ? 1 : filled[observed[i]][others[j]]);
                var y = Vector<double>.Build.Dense(observed.Length, i => rows[observed[i]][target]);
                var gram = x.TransposeThisAndMultiply(x) + Matrix<double>.Build.DenseDiagonal(others.Length + 1, Ridge * observed.Length);
                var beta = gram.Solve(x.TransposeThisAndMultiply(y));
                for (var j = 0; j < others.Length; j++) weights[others[j] * _columns + target] = (float)beta[j];
                bias[target] = (float)beta[others.Length];
            }
            _rounds.Add((weights, bias));
            filled = Step(rows, filled, weights, bias);
        }
    }

    private float[][] Step(float[][] original, float[][] filled, float[] weights, float[] bias)
    {
        var result = new float[filled.Length][];
        for (var i = 0; i < filled.Length; i++)
        {
            result[i] = new float[_columns];
            for (var target = 0; target < _columns; target++)
            {
                if (!float.IsNaN(original[i][target])) { result[i][target] = original[i][target]; continue; }
                float sum = 0;
                for (var from = 0; from < _columns; from++) sum += filled[i][from] * weights[from * _columns + target];
                result[i][target] = sum + bias[target];
            }
        }
        return result;
    }

    public override float[][] Transform(float[][] rows)
    {
        var filled = _initial.Transform(rows);
        foreach (var (weights, bias) in _rounds) filled = Step(rows, filled, weights, bias);
        return filled;
    }

    public override string EmitOnnx(OnnxGraphBuilder graph, string input)
    {
        var isMissing = graph.Apply("IsNaN", input);
        var filled = _initial.EmitOnnx(graph, input);
        foreach (var (weights, bias) in _rounds)
        {
            var predicted = graph.Apply("Add", graph.Apply("MatMul", filled, graph.Constant("mice_w", weights, _columns, _columns)), graph.Constant("mice_b", bias, 1, _columns));
            filled = graph.Apply("Where", isMissing, predicted, input);
        }
        return filled;
    }
}

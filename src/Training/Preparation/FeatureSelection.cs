using MathNet.Numerics.LinearAlgebra;

namespace EdgeML.Training.Preparation;

/// <summary>
/// Chooses which encoded features the model sees, on the training split only. Recursive elimination and
/// sequential selection score subsets with a ridge least-squares model (one-hot targets for classes), which is
/// fast enough to refit hundreds of times and ranks features much as the final model would.
/// </summary>
internal static class FeatureSelection
{
    public static int[] Select(string method, float[][] x, double[] target, bool classification, double varianceThreshold, int? keep)
    {
        var columns = x.Length == 0 ? 0 : x[0].Length;
        var all = Enumerable.Range(0, columns).ToArray();
        var wanted = Math.Clamp(keep ?? Math.Max(1, columns / 2), 1, Math.Max(1, columns));
        return method switch
        {
            "none" => all,
            "variance" => LowVariance(x, varianceThreshold),
            "rfe" => RecursiveElimination(x, target, classification, wanted),
            "sequential" => SequentialForward(x, target, classification, wanted),
            _ => throw new TrainingException($"unknown feature selection '{method}' (none, variance, rfe, sequential)"),
        };
    }

    public static int[] LowVariance(float[][] x, double threshold)
    {
        var columns = x.Length == 0 ? 0 : x[0].Length;
        var kept = Enumerable.Range(0, columns).Where(c => Statistics.Variance(x.Select(r => (double)r[c]).ToArray()) > threshold).ToArray();
        return kept.Length == 0 ? [0] : kept;
    }

    /// <summary>Refit, drop the feature with the smallest coefficient norm, repeat until <paramref name="keep"/> remain.</summary>
    public static int[] RecursiveElimination(float[][] x, double[] target, bool classification, int keep)
    {
        var remaining = Enumerable.Range(0, x.Length == 0 ? 0 : x[0].Length).ToList();
        var y = Targets(target, classification);
        while (remaining.Count > keep)
        {
            var beta = RidgeFit(x, remaining, y, Enumerable.Range(0, x.Length).ToArray());
            var weakest = Enumerable.Range(0, remaining.Count).OrderBy(j => beta.Row(j).L2Norm() * Std(x, remaining[j])).First();
            remaining.RemoveAt(weakest);
        }
        return remaining.ToArray();
    }

    /// <summary>Greedy forward selection: add the feature that most improves 3-fold score, stop at <paramref name="keep"/>.</summary>
    public static int[] SequentialForward(float[][] x, double[] target, bool classification, int keep)
    {
        var candidates = Enumerable.Range(0, x.Length == 0 ? 0 : x[0].Length).ToList();
        var chosen = new List<int>();
        var y = Targets(target, classification);
        while (chosen.Count < keep && candidates.Count > 0)
        {
            var best = candidates.MaxBy(c => CrossValidatedScore(x, chosen.Append(c).ToList(), y, target, classification));
            chosen.Add(best);
            candidates.Remove(best);
        }
        return chosen.OrderBy(c => c).ToArray();
    }

    private static double Std(float[][] x, int column) => Math.Sqrt(Statistics.Variance(x.Select(r => (double)r[column]).ToArray()));

    private static Matrix<double> Targets(double[] target, bool classification)
    {
        if (!classification) return Matrix<double>.Build.Dense(target.Length, 1, (i, _) => target[i]);
        var classes = target.Distinct().OrderBy(v => v).ToArray();
        return Matrix<double>.Build.Dense(target.Length, classes.Length, (i, k) => target[i] == classes[k] ? 1 : 0);
    }

    private static Matrix<double> RidgeFit(float[][] x, IReadOnlyList<int> columns, Matrix<double> y, int[] rows)
    {
        var design = Matrix<double>.Build.Dense(rows.Length, columns.Count + 1, (i, j) => j == columns.Count ? 1 : x[rows[i]][columns[j]]);
        var targets = Matrix<double>.Build.Dense(rows.Length, y.ColumnCount, (i, k) => y[rows[i], k]);
        var gram = design.TransposeThisAndMultiply(design) + Matrix<double>.Build.DenseDiagonal(columns.Count + 1, 1e-3 * rows.Length);
        return gram.Solve(design.TransposeThisAndMultiply(targets));
    }

    private static double CrossValidatedScore(float[][] x, List<int> columns, Matrix<double> y, double[] target, bool classification)
    {
        var n = x.Length;
        double score = 0;
        for (var fold = 0; fold < 3; fold++)
        {
            var train = Enumerable.Range(0, n).Where(i => i % 3 != fold).ToArray();
            var test = Enumerable.Range(0, n).Where(i => i % 3 == fold).ToArray();
            var beta = RidgeFit(x, columns, y, train);
            foreach (var i in test)
            {
                var row = Vector<double>.Build.Dense(columns.Count + 1, j => j == columns.Count ? 1 : x[i][columns[j]]);
                var prediction = beta.TransposeThisAndMultiply(row);
                if (classification)
                {
                    var classes = target.Distinct().OrderBy(v => v).ToArray();
                    score += classes[prediction.MaximumIndex()] == target[i] ? 1 : 0;
                }
                else score -= (prediction[0] - target[i]) * (prediction[0] - target[i]);
            }
        }
        return score / n;
    }
}

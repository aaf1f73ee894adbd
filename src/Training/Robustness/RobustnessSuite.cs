using EdgeML.Training.Data;
using EdgeML.Training.Metrics;
using EdgeML.Training.Models;
using EdgeML.Training.Pipeline;
using EdgeML.Training.Preparation;

namespace EdgeML.Training.Robustness;

/// <summary>What the robustness tests need: the chosen learner, its data, and how to score.</summary>
internal sealed record RobustnessContext(ModelTrainer Trainer, IReadOnlyDictionary<string, double> Hyperparameters, TrainedModel Model,
    LearningData Train, LearningData Test, LearningTask Task, int Classes, double Threshold, TrainingConfig Config, ObjectiveMetric Objective,
    FeaturePreprocessor Preprocessor, DataTable TestTable, IReadOnlyList<string> FeatureColumns, Func<TrainedModel, LearningData, double> Score);

/// <summary>
/// The eight robustness tests: determinism, retraining invariance, perturbation, input invariance, directional
/// expectation, ablation, slice fairness, model calibration. Each reports pass/fail with the figures behind it.
/// </summary>
internal static class RobustnessSuite
{
    public static IReadOnlyList<RobustnessCheck> Run(RobustnessContext c, IProgress<string>? progress)
    {
        var checks = new List<RobustnessCheck>();
        var baseline = c.Model.Predict(c.Test.Features);
        var baseScore = c.Score(c.Model, c.Test);

        progress?.Report("robustness: determinism");
        var again = c.Trainer.Fit(c.Train, c.Classes, c.Hyperparameters, c.Config.Seed).Predict(c.Test.Features);
        var determinismGap = MaxDifference(baseline, again);
        checks.Add(new RobustnessCheck("determinism", determinismGap == 0, $"same seed retrained: max |Δ output| = {determinismGap:G3}"));

        progress?.Report("robustness: retraining invariance");
        var other = c.Trainer.Fit(c.Train, c.Classes, c.Hyperparameters, c.Config.Seed + 1);
        var otherScore = c.Score(other, c.Test);
        var retrainGap = Math.Abs(otherScore - baseScore);
        var retrainTolerance = c.Objective.HigherIsBetter ? 0.05 : 0.1 * Math.Abs(baseScore);
        checks.Add(new RobustnessCheck("retraining invariance", retrainGap <= retrainTolerance,
            $"{c.Objective.Name}: seed {c.Config.Seed} {baseScore:F4}, seed {c.Config.Seed + 1} {otherScore:F4} (|Δ| {retrainGap:F4} ≤ {retrainTolerance:F4})"));

        progress?.Report("robustness: perturbation");
        var random = new Random(c.Config.Seed);
        var noisy = c.Test.Features.Select(r => r.Select(v => v + (float)(0.01 * Gaussian(random))).ToArray()).ToArray();
        var perturbed = c.Model.Predict(noisy);
        var changed = ChangedShare(baseline, perturbed, c);
        checks.Add(new RobustnessCheck("perturbation", changed <= 0.05, $"noise σ=0.01 (scaled units): {changed:P1} of predictions changed (≤ 5%)"));

        progress?.Report("robustness: input invariance");
        var reversed = c.Model.Predict(c.Test.Features.Reverse().ToArray());
        var singles = c.Test.Features.Take(20).Select(r => c.Model.Predict([r])).ToArray();
        var orderGap = MaxDifference(baseline, Reverse(reversed));
        var singleGap = singles.Select((s, i) => MaxDifference(Row(baseline, i), s)).DefaultIfEmpty(0).Max();
        checks.Add(new RobustnessCheck("input invariance", orderGap < 1e-6 && singleGap < 1e-6,
            $"batch order reversed: max |Δ| {orderGap:G3}; one row at a time: max |Δ| {singleGap:G3}"));

        checks.Add(Directional(c, baseline));

        progress?.Report("robustness: ablation");
        var ablation = Enumerable.Range(0, c.Test.Width).Select(f =>
        {
            var mean = (float)c.Train.Features.Average(r => r[f]);
            var neutral = c.Test with { Features = c.Test.Features.Select(r => { var x = (float[])r.Clone(); x[f] = mean; return x; }).ToArray() };
            var score = c.Score(c.Model, neutral);
            return (Feature: c.Preprocessor.FeatureNames[f], Gain: c.Objective.HigherIsBetter ? score - baseScore : baseScore - score);
        }).OrderByDescending(a => a.Gain).ToList();
        var worst = ablation.FirstOrDefault();
        checks.Add(new RobustnessCheck("ablation", worst.Feature is null || worst.Gain <= 0.01,
            worst.Feature is null ? "no features" : $"neutralising '{worst.Feature}' changes {c.Objective.Name} by {worst.Gain:+0.0000;-0.0000} (a feature that hurts fails at > 0.01); most relied on: '{ablation[^1].Feature}' ({ablation[^1].Gain:+0.0000;-0.0000})"));

        checks.Add(SliceFairness(c, baseline));

        if (c.Task.IsClassification())
        {
            var classesPredicted = baseline.Classes();
            var ece = CalibrationMetrics.ExpectedCalibrationError(baseline.Probabilities!.Select(p => p.Max()).ToArray(),
                classesPredicted.Select((k, i) => k == (int)c.Test.Target[i]).ToArray());
            checks.Add(new RobustnessCheck("model calibration", ece <= 0.1, $"ECE {ece:F4} (≤ 0.10, 10 bins)"));
        }
        else checks.Add(new RobustnessCheck("model calibration", true, "not applicable: no probabilities for this task"));
        return checks;
    }

    private static RobustnessCheck Directional(RobustnessContext c, ModelOutput baseline)
    {
        if (c.Config.Directional.Count == 0) return new RobustnessCheck("directional expectation", true, "no expectation declared (config: directional)");
        var figures = new List<string>();
        var passed = true;
        foreach (var expectation in c.Config.Directional)
        {
            var index = c.Preprocessor.FeatureNames.ToList().IndexOf(expectation.Feature);
            if (index < 0) throw new TrainingException($"directional expectation: '{expectation.Feature}' is not a numeric model feature");
            var raised = c.Model.Predict(c.Test.Features.Select(r => { var x = (float[])r.Clone(); x[index] += 1f; return x; }).ToArray());
            var classIndex = Math.Max(0, c.Classes - 1); // probability of the last (for binary: positive) class
            double Value(ModelOutput o, int i) => o.Probabilities is not null ? o.Probabilities[i][Math.Min(classIndex, o.Probabilities[i].Length - 1)] : o.Scores![i];
            var sign = expectation.Direction == "increase" ? 1 : -1;
            var violations = Enumerable.Range(0, c.Test.Rows).Count(i => sign * (Value(raised, i) - Value(baseline, i)) < -1e-6);
            var share = violations / (double)Math.Max(1, c.Test.Rows);
            passed &= share <= 0.05;
            figures.Add($"+1 scaled unit of '{expectation.Feature}' should {expectation.Direction} the output: {share:P1} of rows violate (≤ 5%)");
        }
        return new RobustnessCheck("directional expectation", passed, string.Join("; ", figures));
    }

    private static RobustnessCheck SliceFairness(RobustnessContext c, ModelOutput baseline)
    {
        var columns = c.Config.Slices.Count > 0 ? c.Config.Slices : c.Preprocessor.CategoricalColumns.ToList();
        if (columns.Count == 0 || !(c.Task.IsClassification() || c.Task == LearningTask.Regression))
            return new RobustnessCheck("slice fairness", true, "no slice columns (declare 'slices' or use categorical features)");
        var worstGap = 0.0;
        var detail = new List<string>();
        foreach (var column in columns)
        {
            var scores = Enumerable.Range(0, c.TestTable.RowCount).GroupBy(i => c.TestTable[column].Format(i)).Where(g => g.Count() >= 5).Select(g =>
            {
                var rows = g.ToArray();
                var output = new ModelOutput(baseline.Probabilities is null ? null : rows.Select(i => baseline.Probabilities[i]).ToArray(),
                    baseline.Scores is null ? null : rows.Select(i => baseline.Scores[i]).ToArray());
                return TaskEvaluation.Evaluate(c.Task, rows.Select(i => c.Test.Target[i]).ToArray(), output, c.Classes, c.Threshold, c.Config.Constraints)
                    .GetValueOrDefault(c.Task.IsClassification() ? "accuracy" : "mae", double.NaN);
            }).Where(v => !double.IsNaN(v)).ToArray();
            if (scores.Length < 2) continue;
            var gap = scores.Max() - scores.Min();
            if (!c.Task.IsClassification()) gap /= Math.Max(1e-9, scores.Average());
            worstGap = Math.Max(worstGap, gap);
            detail.Add($"{column}: {(c.Task.IsClassification() ? "accuracy" : "relative MAE")} gap {gap:F3} over {scores.Length} slices");
        }
        var tolerance = c.Task.IsClassification() ? 0.10 : 0.5;
        return new RobustnessCheck("slice fairness", worstGap <= tolerance, detail.Count == 0 ? "no slice with ≥ 5 test rows" : string.Join("; ", detail) + $" (≤ {tolerance})");
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static ModelOutput Row(ModelOutput o, int i) => new(o.Probabilities is null ? null : [o.Probabilities[i]], o.Scores is null ? null : [o.Scores[i]]);

    private static ModelOutput Reverse(ModelOutput o) => new(o.Probabilities?.Reverse().ToArray(), o.Scores?.Reverse().ToArray(), o.Clusters?.Reverse().ToArray());

    private static double MaxDifference(ModelOutput a, ModelOutput b)
    {
        if (a.Probabilities is not null)
            return a.Probabilities.Zip(b.Probabilities!, (x, y) => x.Zip(y, (p, q) => Math.Abs(p - q)).Max()).DefaultIfEmpty(0).Max();
        return a.Scores!.Zip(b.Scores!, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();
    }

    private static double ChangedShare(ModelOutput a, ModelOutput b, RobustnessContext c)
    {
        if (a.Probabilities is not null)
        {
            var x = TaskEvaluation.PredictedClasses(a, c.Task, c.Threshold);
            var y = TaskEvaluation.PredictedClasses(b, c.Task, c.Threshold);
            return x.Zip(y).Count(p => p.First != p.Second) / (double)Math.Max(1, x.Length);
        }
        var spread = Math.Sqrt(Statistics.Variance(c.Test.Target));
        return a.Scores!.Zip(b.Scores!).Count(p => Math.Abs(p.First - p.Second) > 0.05 * spread) / (double)Math.Max(1, a.Scores!.Length);
    }
}

using EdgeML.Training.Models;

namespace EdgeML.Training.Metrics;

/// <summary>Every metric of a task computed from truth and model output; also gives the predicted classes.</summary>
internal static class TaskEvaluation
{
    /// <summary>Binary decisions: positive when P(positive) ≥ threshold (cost-sensitive, see the pipeline).</summary>
    public static int[] PredictedClasses(ModelOutput output, LearningTask task, double threshold) =>
        task == LearningTask.Binary
            ? output.Probabilities!.Select(p => p[1] >= threshold ? 1 : 0).ToArray()
            : output.Classes();

    public static SortedDictionary<string, double> Evaluate(LearningTask task, double[] truth, ModelOutput output, int classes,
        double threshold, Pipeline.ProblemConstraints costs, int[]? groups = null, float[][]? features = null)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        switch (task)
        {
            case LearningTask.Binary:
            case LearningTask.Multiclass:
            {
                var actual = truth.Select(t => (int)t).ToArray();
                var predicted = PredictedClasses(output, task, threshold);
                var matrix = new ConfusionMatrix(actual, predicted, classes);
                metrics["accuracy"] = matrix.Accuracy;
                metrics["macro_f1"] = matrix.MacroF1;
                metrics["macro_precision"] = matrix.MacroPrecision;
                metrics["macro_recall"] = matrix.MacroRecall;
                metrics["balanced_accuracy"] = matrix.BalancedAccuracy;
                var probabilities = output.Probabilities!;
                metrics["log_loss"] = CalibrationMetrics.LogLoss(probabilities, actual);
                metrics["brier"] = CalibrationMetrics.BrierScore(probabilities, actual);
                var confidence = probabilities.Select(p => p.Max()).ToArray();
                var correct = actual.Select((t, i) => output.Classes()[i] == t).ToArray();
                metrics["ece"] = CalibrationMetrics.ExpectedCalibrationError(confidence, correct);
                if (task == LearningTask.Binary)
                {
                    var scores = probabilities.Select(p => p[1]).ToArray();
                    var positive = actual.Select(t => t == 1).ToArray();
                    metrics["roc_auc"] = CurveMetrics.RocAuc(scores, positive);
                    metrics["pr_auc"] = CurveMetrics.AveragePrecision(scores, positive);
                    metrics["f1"] = matrix.F1(1);
                    metrics["precision"] = matrix.Precision(1);
                    metrics["recall"] = matrix.Recall(1);
                    metrics["specificity"] = matrix.Specificity(1);
                    metrics["fpr"] = matrix.FalsePositiveRate(1);
                    metrics["cost_per_row"] = (matrix.FalseNegatives(1) * costs.FalseNegativeCost + matrix.FalsePositives(1) * costs.FalsePositiveCost) / actual.Length;
                }
                else
                {
                    metrics["roc_auc"] = CurveMetrics.MacroRocAuc(probabilities, actual, classes);
                }
                break;
            }
            case LearningTask.Regression:
            {
                var predicted = output.Scores!;
                metrics["rmse"] = RegressionMetrics.RootMeanSquaredError(truth, predicted);
                metrics["mse"] = RegressionMetrics.MeanSquaredError(truth, predicted);
                metrics["mae"] = RegressionMetrics.MeanAbsoluteError(truth, predicted);
                metrics["r2"] = RegressionMetrics.RSquared(truth, predicted);
                break;
            }
            case LearningTask.Ranking:
            {
                var queries = Enumerable.Range(0, truth.Length).GroupBy(i => groups![i]).ToArray();
                foreach (var k in new[] { 5, 10 })
                    metrics[$"ndcg@{k}"] = queries.Average(q => RankingMetrics.NormalizedDiscountedCumulativeGain(
                        q.OrderByDescending(i => output.Scores![i]).ThenBy(i => i).Select(i => truth[i]).ToArray(), k));
                var lists = queries.Select(q => (Ranked: (IReadOnlyList<int>)q.OrderByDescending(i => output.Scores![i]).ThenBy(i => i).ToArray(),
                    Relevant: (ISet<int>)q.Where(i => truth[i] > 0).ToHashSet())).ToArray();
                metrics["map"] = RankingMetrics.MeanAveragePrecision(lists);
                metrics["mrr"] = RankingMetrics.MeanReciprocalRank(lists);
                metrics["precision@5"] = lists.Average(l => RankingMetrics.PrecisionAtK(l.Ranked, l.Relevant, 5));
                metrics["recall@5"] = lists.Average(l => RankingMetrics.RecallAtK(l.Ranked, l.Relevant, 5));
                metrics["hit_rate@5"] = lists.Average(l => RankingMetrics.HitRateAtK(l.Ranked, l.Relevant, 5));
                break;
            }
            case LearningTask.Anomaly:
            {
                var labelled = Enumerable.Range(0, truth.Length).Where(i => !double.IsNaN(truth[i])).ToArray();
                if (labelled.Length > 0)
                {
                    metrics["roc_auc"] = CurveMetrics.RocAuc(labelled.Select(i => output.Scores![i]).ToArray(), labelled.Select(i => truth[i] >= 0.5).ToArray());
                    metrics["pr_auc"] = CurveMetrics.AveragePrecision(labelled.Select(i => output.Scores![i]).ToArray(), labelled.Select(i => truth[i] >= 0.5).ToArray());
                }
                metrics["mean_score"] = output.Scores!.Average();
                break;
            }
            case LearningTask.Clustering:
            {
                metrics["inertia"] = output.Scores!.Average();
                if (features is not null) metrics["silhouette"] = ClusteringMetrics.Silhouette(features, output.Clusters!);
                break;
            }
        }
        return metrics;
    }
}

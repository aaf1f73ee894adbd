using EdgeML.Training.Metrics;
using EdgeML.Training.Models;

namespace EdgeML.Training.Explainability;

/// <summary>
/// Permutation importance: how much the objective worsens on the test split when one feature's column is
/// shuffled (breaking its link to the label); averaged over a few shuffles. Positive = the model relies on it.
/// </summary>
internal static class PermutationImportance
{
    public static IReadOnlyDictionary<string, double> Compute(TrainedModel model, LearningData test, LearningTask task, int classes,
        double threshold, Pipeline.ProblemConstraints costs, ObjectiveMetric objective, IReadOnlyList<string> featureNames, int seed, int repeats = 3)
    {
        var result = new Dictionary<string, double>();
        if (test.Rows < 2 || task is LearningTask.Clustering or LearningTask.Anomaly) return result;
        double Score(float[][] x) => TaskEvaluation.Evaluate(task, test.Target, model.Predict(x), classes, threshold, costs, test.Groups)
            .GetValueOrDefault(objective.Name, double.NaN);
        var reference = Score(test.Features);
        var random = new Random(seed);
        for (var f = 0; f < test.Width; f++)
        {
            double drop = 0;
            for (var r = 0; r < repeats; r++)
            {
                var order = Enumerable.Range(0, test.Rows).OrderBy(_ => random.Next()).ToArray();
                var shuffled = test.Features.Select((row, i) => { var copy = (float[])row.Clone(); copy[f] = test.Features[order[i]][f]; return copy; }).ToArray();
                var score = Score(shuffled);
                drop += objective.HigherIsBetter ? reference - score : score - reference;
            }
            result[featureNames[f]] = drop / repeats;
        }
        return result;
    }
}

namespace EdgeML.Training.Metrics;

/// <summary>The metric models are ranked by; knows whether higher is better.</summary>
public sealed record ObjectiveMetric(string Name, bool HigherIsBetter)
{
    public static ObjectiveMetric For(string? configured, Models.LearningTask task)
    {
        var name = configured ?? task switch
        {
            Models.LearningTask.Binary => "roc_auc",
            Models.LearningTask.Multiclass => "macro_f1",
            Models.LearningTask.Regression => "rmse",
            Models.LearningTask.Ranking => "ndcg@10",
            Models.LearningTask.Anomaly => "roc_auc",
            _ => "silhouette",
        };
        var lowerIsBetter = name is "rmse" or "mse" or "mae" or "log_loss" or "ece" or "brier" or "inertia";
        return new ObjectiveMetric(name, !lowerIsBetter);
    }

    public bool Better(double candidate, double incumbent) =>
        !double.IsNaN(candidate) && (double.IsNaN(incumbent) || (HigherIsBetter ? candidate > incumbent : candidate < incumbent));
}

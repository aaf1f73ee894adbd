namespace EdgeML.Training.Models;

/// <summary>The --task values.</summary>
public enum LearningTask { Binary, Multiclass, Regression, Ranking, Clustering, Anomaly }

internal static class LearningTaskExtensions
{
    public static bool IsClassification(this LearningTask task) => task is LearningTask.Binary or LearningTask.Multiclass;

    public static LearningTask Parse(string text) => text.ToLowerInvariant() switch
    {
        "binary" => LearningTask.Binary,
        "multiclass" => LearningTask.Multiclass,
        "regression" => LearningTask.Regression,
        "ranking" => LearningTask.Ranking,
        "clustering" => LearningTask.Clustering,
        "anomaly" => LearningTask.Anomaly,
        _ => throw new TrainingException($"unknown task '{text}' (binary, multiclass, regression, ranking, clustering, anomaly)"),
    };
}

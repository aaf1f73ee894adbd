using EdgeML.Training.Models;

namespace EdgeML.Training.Pipeline;

/// <summary>The names of the exported graph's outputs per task (see <see cref="OnnxExport"/>).</summary>
internal static class ModelOutputs
{
    public const string Probabilities = "probabilities";
    public const string Label = "label";
    public const string Score = "score";
    public const string Distances = "distances";
    public const string Cluster = "cluster";

    /// <summary>The output holding class probabilities, cluster distances or the score.</summary>
    public static string Main(LearningTask task) => task switch
    {
        LearningTask.Binary or LearningTask.Multiclass => Probabilities,
        LearningTask.Clustering => Distances,
        _ => Score,
    };

    /// <summary>The int64 output holding the decided class or cluster; null for score tasks.</summary>
    public static string? LabelOf(LearningTask task) => task switch
    {
        LearningTask.Binary or LearningTask.Multiclass => ModelOutputs.Label,
        LearningTask.Clustering => Cluster,
        _ => null,
    };
}

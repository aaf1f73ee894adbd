using System.Globalization;
using System.Text.Json;
using EdgeML.Training.Models;
using EdgeML.Training.Preparation;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// The key/values a device needs to act on the model's outputs, written into model.onnx's metadata and the
/// .edgeml Metadata section alike: task, class labels (index = output position), the decision threshold, and the
/// confidence policy (below the threshold: discard, clarify or refer the prediction instead of acting on it).
/// </summary>
internal static class DeploymentMetadata
{
    public const string Task = "edgeml.task";
    public const string Model = "edgeml.model";
    public const string Objective = "edgeml.objective";
    public const string Classes = "edgeml.classes";
    public const string DecisionThreshold = "edgeml.decision_threshold";
    public const string ConfidenceThreshold = "edgeml.confidence_threshold";
    public const string ConfidencePolicy = "edgeml.confidence_policy";
    public const string Inputs = "edgeml.inputs";
    public const string MissingValues = "edgeml.missing_values";

    public static IReadOnlyDictionary<string, string> For(LearningTask task, string model, string objective, IReadOnlyList<string> classes,
        double decisionThreshold, ConfidencePolicy confidence, FeaturePreprocessor preprocessor) => new Dictionary<string, string>
    {
        [Task] = task.ToString().ToLowerInvariant(),
        [Model] = model,
        [Objective] = objective,
        [Classes] = JsonSerializer.Serialize(classes),
        [DecisionThreshold] = decisionThreshold.ToString("R", CultureInfo.InvariantCulture),
        [ConfidenceThreshold] = confidence.Threshold.ToString("R", CultureInfo.InvariantCulture),
        [ConfidencePolicy] = confidence.Policy,
        [Inputs] = JsonSerializer.Serialize(preprocessor.NumericColumns.Select(c => new { name = c, type = "float" })
            .Concat(preprocessor.CategoricalColumns.Select(c => new { name = c, type = "string" }))),
        [MissingValues] = "numeric: NaN; categorical: empty string",
    };
}

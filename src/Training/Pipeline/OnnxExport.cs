using System.Text.Json;
using EdgeML.Training.Models;
using EdgeML.Training.Onnx;
using EdgeML.Training.Onnx.Proto;
using EdgeML.Training.Preparation;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// Assembles the deployable graph: raw column inputs → preparation → model → standard outputs
/// ("probabilities" [N,C] and "label" int64 [N,1] for classes; "score" [N,1]; "distances" and "cluster" for
/// clustering). Metadata carries what the device needs to act: classes, threshold, confidence policy.
/// </summary>
internal static class OnnxExport
{
    public static ModelProto Build(FeaturePreprocessor preprocessor, TrainedModel model, LearningTask task, IReadOnlyList<string> classes,
        double threshold, TrainingConfig config, string objective)
    {
        var graph = new OnnxGraphBuilder();
        var features = preprocessor.EmitOnnx(graph);
        var output = model.EmitOnnx(graph, features);
        switch (task)
        {
            case LearningTask.Binary:
            {
                graph.Rename(output, "probabilities");
                var positive = graph.Column("probabilities", 1);
                var decision = graph.Op("Not", [graph.Op("Less", [positive, graph.Scalar((float)threshold)])]);
                graph.Rename(graph.Cast(decision, TensorProto.Types.DataType.Int64), "label");
                graph.AddOutput("probabilities", TensorProto.Types.DataType.Float, classes.Count);
                graph.AddOutput("label", TensorProto.Types.DataType.Int64, 1);
                break;
            }
            case LearningTask.Multiclass:
                graph.Rename(output, "probabilities");
                graph.Rename(graph.Op("ArgMax", ["probabilities"], OnnxGraphBuilder.Int("axis", 1), OnnxGraphBuilder.Int("keepdims", 1)), "label");
                graph.AddOutput("probabilities", TensorProto.Types.DataType.Float, classes.Count);
                graph.AddOutput("label", TensorProto.Types.DataType.Int64, 1);
                break;
            case LearningTask.Clustering:
                graph.Rename(output, "distances");
                graph.Rename(graph.Op("ArgMin", ["distances"], OnnxGraphBuilder.Int("axis", 1), OnnxGraphBuilder.Int("keepdims", 1)), "cluster");
                graph.AddOutput("distances", TensorProto.Types.DataType.Float, -1);
                graph.AddOutput("cluster", TensorProto.Types.DataType.Int64, 1);
                break;
            default:
                graph.Rename(output, "score");
                graph.AddOutput("score", TensorProto.Types.DataType.Float, 1);
                break;
        }
        var metadata = new Dictionary<string, string>
        {
            ["edgeml.task"] = task.ToString().ToLowerInvariant(),
            ["edgeml.model"] = model.Name,
            ["edgeml.objective"] = objective,
            ["edgeml.classes"] = JsonSerializer.Serialize(classes),
            ["edgeml.decision_threshold"] = threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["edgeml.confidence_threshold"] = config.Confidence.Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["edgeml.confidence_policy"] = config.Confidence.Policy,
            ["edgeml.inputs"] = JsonSerializer.Serialize(preprocessor.NumericColumns.Select(c => new { name = c, type = "float" })
                .Concat(preprocessor.CategoricalColumns.Select(c => new { name = c, type = "string" }))),
            ["edgeml.missing_values"] = "numeric: NaN; categorical: empty string",
        };
        return graph.Build(metadata);
    }
}

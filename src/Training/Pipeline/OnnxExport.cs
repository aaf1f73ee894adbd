using System.Text.Json;
using EdgeML.Training.Models;
using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.Training.Preparation;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// Assembles the deployable graph: raw column inputs → preparation → model → standard outputs
/// ("probabilities" [N,C] and "label" int64 [N,1] for classes; "score" [N,1]; "distances" and "cluster" for
/// clustering). Metadata carries what the device needs to act: classes, threshold, confidence policy.
/// </summary>
internal static class OnnxExport
{
    public static OnnxModelBuilder Build(FeaturePreprocessor preprocessor, TrainedModel model, LearningTask task, IReadOnlyList<string> classes,
        double threshold, TrainingConfig config, string objective)
    {
        var onnx = new OnnxModelBuilder(GraphPatterns.OnnxOpset).Opset(OnnxModelBuilder.MlDomain, GraphPatterns.MlOpset)
            .IrVersion(7).Producer("EdgeML.Training", "1");
        var graph = onnx.Graph;
        var features = preprocessor.EmitOnnx(graph);
        var output = model.EmitOnnx(graph, features);
        switch (task)
        {
            case LearningTask.Binary:
            {
                graph.Rename(output, "probabilities");
                var positive = graph.Column("probabilities", 1);
                var decision = graph.Apply("Not", graph.Apply("Less", positive, graph.Scalar((float)threshold)));
                graph.Rename(graph.Cast(decision, DataType.Int64), "label");
                graph.RowOutput("probabilities", DataType.Float, classes.Count);
                graph.RowOutput("label", DataType.Int64, 1);
                break;
            }
            case LearningTask.Multiclass:
                graph.Rename(output, "probabilities");
                graph.Rename(graph.Apply("ArgMax", "probabilities").Attr("axis", 1).Attr("keepdims", 1), "label");
                graph.RowOutput("probabilities", DataType.Float, classes.Count);
                graph.RowOutput("label", DataType.Int64, 1);
                break;
            case LearningTask.Clustering:
                graph.Rename(output, "distances");
                graph.Rename(graph.Apply("ArgMin", "distances").Attr("axis", 1).Attr("keepdims", 1), "cluster");
                graph.RowOutput("distances", DataType.Float, null);
                graph.RowOutput("cluster", DataType.Int64, 1);
                break;
            default:
                graph.Rename(output, "score");
                graph.RowOutput("score", DataType.Float, 1);
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
        foreach (var (key, value) in metadata) onnx.Metadata(key, value);
        return onnx;
    }
}

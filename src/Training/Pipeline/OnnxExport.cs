using EdgeML.Training.Models;
using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.Training.Preparation;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// Assembles the deployable graph: raw column inputs → preparation → model → standard outputs
/// (ModelOutputs.Probabilities [N,C] and ModelOutputs.Label int64 [N,1] for classes; ModelOutputs.Score [N,1]; ModelOutputs.Distances and ModelOutputs.Cluster for
/// clustering). Metadata (<see cref="DeploymentMetadata"/>) carries what the device needs to act on a prediction.
/// </summary>
internal static class OnnxExport
{
    public static OnnxModelBuilder Build(FeaturePreprocessor preprocessor, TrainedModel model, LearningTask task, IReadOnlyList<string> classes,
        double threshold, IReadOnlyDictionary<string, string> metadata)
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
                graph.Rename(output, ModelOutputs.Probabilities);
                var positive = graph.Column(ModelOutputs.Probabilities, 1);
                var decision = graph.Apply("Not", graph.Apply("Less", positive, graph.Scalar((float)threshold)));
                graph.Rename(graph.Cast(decision, DataType.Int64), ModelOutputs.Label);
                graph.RowOutput(ModelOutputs.Probabilities, DataType.Float, classes.Count);
                graph.RowOutput(ModelOutputs.Label, DataType.Int64, 1);
                break;
            }
            case LearningTask.Multiclass:
                graph.Rename(output, ModelOutputs.Probabilities);
                graph.Rename(graph.Apply("ArgMax", ModelOutputs.Probabilities).Attr("axis", 1).Attr("keepdims", 1), ModelOutputs.Label);
                graph.RowOutput(ModelOutputs.Probabilities, DataType.Float, classes.Count);
                graph.RowOutput(ModelOutputs.Label, DataType.Int64, 1);
                break;
            case LearningTask.Clustering:
                graph.Rename(output, ModelOutputs.Distances);
                graph.Rename(graph.Apply("ArgMin", ModelOutputs.Distances).Attr("axis", 1).Attr("keepdims", 1), ModelOutputs.Cluster);
                graph.RowOutput(ModelOutputs.Distances, DataType.Float, null);
                graph.RowOutput(ModelOutputs.Cluster, DataType.Int64, 1);
                break;
            default:
                graph.Rename(output, ModelOutputs.Score);
                graph.RowOutput(ModelOutputs.Score, DataType.Float, 1);
                break;
        }
        foreach (var (key, value) in metadata) onnx.Metadata(key, value);
        return onnx;
    }
}

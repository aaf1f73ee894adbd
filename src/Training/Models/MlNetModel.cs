using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using EdgeML.Runtime.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EdgeML.Training.Models;

/// <summary>A model trained by ML.NET; exported with ML.NET's ONNX converter and spliced into the EdgeML graph.</summary>
internal sealed class MlNetModel(string name, MLContext ml, ITransformer transformer, LearningTask task, int width) : TrainedModel
{
    public override string Name => name;
    public ITransformer Transformer => transformer;

    public override ModelOutput Predict(float[][] features)
    {
        var scored = transformer.Transform(MlNetData.Features(ml, features, width));
        switch (task)
        {
            case LearningTask.Binary:
            {
                var p = scored.GetColumn<float>("Probability").ToArray();
                return new ModelOutput(p.Select(v => new[] { 1.0 - v, v }).ToArray(), null);
            }
            case LearningTask.Multiclass:
            {
                var scores = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().Select(x => (double)x).ToArray()).ToArray();
                return new ModelOutput(scores, null);
            }
            case LearningTask.Clustering:
            {
                var distances = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
                var clusters = distances.Select(d => Array.IndexOf(d, d.Min())).ToArray();
                return new ModelOutput(null, distances.Select(d => (double)d.Min()).ToArray(), clusters);
            }
            default:
                return new ModelOutput(null, scored.GetColumn<float>("Score").Select(v => (double)v).ToArray());
        }
    }

    public override string EmitOnnx(OnnxGraphBuilder graph, string features)
    {
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(transformer, MlNetData.Features(ml, [new float[width]], width), GraphPatterns.OnnxOpset, stream);
        var exported = OnnxModelBuilder.Load(stream.ToArray());
        var wanted = task switch
        {
            LearningTask.Binary => "Probability.output",
            _ => "Score.output",
        };
        if (!exported.Graph.OutputNames.Contains(wanted))
            throw new InvalidOperationException($"{name}: ML.NET's ONNX export has no output {wanted}");
        var output = graph.Splice(exported.Graph, new Dictionary<string, string> { ["Features"] = features }, graph.FreshName(name) + "/", [wanted])[0];
        if (task != LearningTask.Binary) return output;
        var negative = graph.Apply("Sub", graph.Scalar(1f), output);
        return graph.Concat([negative, output]);
    }

    // Linear learners: a linear map, through a sigmoid, softmax or Platt calibration at most.
    public override bool IsDifferentiable => name is "logistic" or "linear" or "svm";

    public override IReadOnlyList<Explainability.TreeStructure>? Trees => MlNetTrees.Extract(transformer);
}

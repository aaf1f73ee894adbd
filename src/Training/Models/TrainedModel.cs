using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Models;

/// <summary>A fitted model: predicts on encoded features and, when it can, writes itself into an ONNX graph.</summary>
internal abstract class TrainedModel
{
    public abstract string Name { get; }
    public abstract ModelOutput Predict(float[][] features);

    /// <summary>False for baselines: they are reported, never deployed.</summary>
    public virtual bool CanExportOnnx => true;

    /// <summary>
    /// Adds the model to <paramref name="graph"/> reading the [N,F] float tensor <paramref name="features"/>. Returns the
    /// tensor holding class probabilities [N,C] (classification), the score [N,1] (regression, ranking, anomaly) or
    /// squared distances to the clusters [N,K] (clustering).
    /// </summary>
    public abstract string EmitOnnx(OnnxGraphBuilder graph, string features);

    /// <summary>True when the output is a smooth function of the features (linear and logistic models), so
    /// integrated gradients apply.</summary>
    public virtual bool IsDifferentiable => false;

    /// <summary>Tree models expose their trees for exact TreeSHAP; others return null.</summary>
    public virtual IReadOnlyList<Explainability.TreeStructure>? Trees => null;
}

using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using EdgeML.Training.Splits;

namespace EdgeML.Training.Models;

/// <summary>
/// Stacked generalisation (Wolpert 1992): a logistic (classes) or linear (values) meta-model learns how to combine
/// the outputs of diverse base models. It is trained on out-of-fold base outputs (5 folds over the training data),
/// so it never learns from a base model's predictions on rows that model was fitted on; the base models are then
/// refitted on all rows. ML.NET has no stacking; EdgeML writes the graph: every base model on the same features,
/// their outputs concatenated, then the meta-model.
/// </summary>
internal sealed class StackingTrainer : ModelTrainer
{
    private const int Folds = 5;
    public override string Name => "stacking";
    public override LearningTask[] Tasks => [LearningTask.Binary, LearningTask.Multiclass, LearningTask.Regression];

    private static IReadOnlyList<ModelTrainer> BaseLearners(int classes) =>
        (classes >= 2 ? new[] { "logistic", "decision_tree", "knn" } : ["linear", "decision_tree", "knn"]).Select(ModelCatalog.Find).ToList();

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        var learners = BaseLearners(classes);
        var folds = classes >= 2
            ? CrossValidationFolds.StratifiedKFold(data.Target.Select(t => (int)t).ToArray(), Folds, seed)
            : CrossValidationFolds.KFold(data.Rows, Folds, seed);
        var outOfFold = new float[data.Rows][];
        foreach (var (train, held) in folds)
        {
            var fitted = learners.Select(l => l.Fit(data.Select(train), classes, l.Defaults, seed)).ToList();
            var heldFeatures = held.Select(i => data.Features[i]).ToArray();
            var outputs = StackedModel.BaseOutputs(fitted, heldFeatures);
            for (var r = 0; r < held.Length; r++) outOfFold[held[r]] = outputs[r];
        }
        var meta = ModelCatalog.Find(classes >= 2 ? "logistic" : "linear");
        var metaModel = meta.Fit(data with { Features = outOfFold }, classes, meta.Defaults, seed);
        var bases = learners.Select(l => l.Fit(data, classes, l.Defaults, seed)).ToList();
        return new StackedModel(bases, metaModel);
    }
}

/// <summary>The deployable stack: base models side by side, their outputs concatenated into the meta-model.</summary>
internal sealed class StackedModel(IReadOnlyList<TrainedModel> bases, TrainedModel meta) : TrainedModel
{
    public override string Name => "stacking";

    /// <summary>Per row, every base model's class probabilities (or score), one model after another.</summary>
    public static float[][] BaseOutputs(IReadOnlyList<TrainedModel> models, float[][] features)
    {
        var outputs = models.Select(m => m.Predict(features)).ToList();
        return Enumerable.Range(0, features.Length).Select(r => outputs.SelectMany(o =>
            o.Probabilities is not null ? o.Probabilities[r].Select(p => (float)p) : [(float)o.Scores![r]]).ToArray()).ToArray();
    }

    public override ModelOutput Predict(float[][] features) => meta.Predict(BaseOutputs(bases, features));

    public override string EmitOnnx(OnnxGraphBuilder graph, string features) =>
        meta.EmitOnnx(graph, graph.Concat(bases.Select(b => b.EmitOnnx(graph, features)).ToList()));
}

using EdgeML.Training.Pipeline;
using Microsoft.ML;

namespace EdgeML.Training.Models;

/// <summary>A candidate backed by an ML.NET trainer; the estimator factory picks the trainer for the task.</summary>
internal sealed class MlNetTrainer(
    string name,
    LearningTask[] tasks,
    Dictionary<string, double> defaults,
    Dictionary<string, ParameterRange> space,
    Func<MLContext, LearningTask, Func<string, double>, int, IEstimator<ITransformer>> estimator) : ModelTrainer
{
    public override string Name => name;
    public override LearningTask[] Tasks => tasks;
    public override IReadOnlyDictionary<string, double> Defaults => defaults;
    public override IReadOnlyDictionary<string, ParameterRange> DefaultSpace => space;

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        var task = classes == 2 ? LearningTask.Binary : classes > 2 ? LearningTask.Multiclass : InferTask(data);
        var ml = new MLContext(seed) { GpuDeviceId = null, FallbackToCpu = true };
        var view = MlNetData.Labelled(ml, data, classes);
        var transformer = estimator(ml, task, p => Get(hyperparameters, p), classes).Fit(view);
        return new MlNetModel(name, ml, transformer, task, data.Width);
    }

    // Classes = 0 means a numeric target; the ranking trainers get groups, clustering gets no target at all.
    private LearningTask InferTask(LearningData data) =>
        data.Groups is not null ? LearningTask.Ranking
        : tasks.Contains(LearningTask.Clustering) && !tasks.Contains(LearningTask.Regression) ? LearningTask.Clustering
        : LearningTask.Regression;
}

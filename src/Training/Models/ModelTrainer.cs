namespace EdgeML.Training.Models;

/// <summary>A candidate learner with its hyperparameters (defaults overridable by HPO).</summary>
internal abstract class ModelTrainer
{
    public abstract string Name { get; }
    public abstract LearningTask[] Tasks { get; }
    public virtual IReadOnlyDictionary<string, double> Defaults => new Dictionary<string, double>();

    /// <summary>Hyperparameter space tuned when the config names none.</summary>
    public virtual IReadOnlyDictionary<string, Pipeline.ParameterRange> DefaultSpace => new Dictionary<string, Pipeline.ParameterRange>();

    public abstract TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed);

    protected double Get(IReadOnlyDictionary<string, double> hyperparameters, string name) =>
        hyperparameters.TryGetValue(name, out var value) ? value : Defaults[name];
}

using EdgeML.Training.Data;
using EdgeML.Training.Imbalance;
using EdgeML.Training.Models;
using EdgeML.Training.Pipeline;
using EdgeML.Training.Preparation;

namespace EdgeML.Training.Splits;

/// <summary>A learner's objective over cross-validation folds: mean, spread and each fold's value.</summary>
public sealed record CrossValidationScore(string Method, double Mean, double StandardDeviation, double[] Folds);

/// <summary>
/// Cross-validation over the training split (the test split is never touched): k-fold, stratified, group,
/// time-series or leave-one-out folds. Each fold refits feature preparation and class rebalancing on its own
/// training part, so no statistic leaks from the held-out fold; the prepared folds are reused by every candidate
/// and HPO trial.
/// </summary>
internal sealed class CrossValidator
{
    private readonly string _method;
    private readonly (LearningData Fit, LearningData Held)[] _folds;

    private CrossValidator(string method, (LearningData, LearningData)[] folds)
    {
        _method = method;
        _folds = folds;
    }

    public int FoldCount => _folds.Length;

    /// <summary>Null when the config asks for no cross-validation.</summary>
    public static CrossValidator? Create(TrainingConfig config, LearningTask task, DataTable train, double[] target, IReadOnlyList<string> featureColumns,
        int classes, string? timeColumn, string? groupColumn, Func<DataTable, int[]?> rankingGroups)
    {
        var method = config.CrossValidation.Method;
        if (method == "none") return null;
        var rows = Enumerable.Range(0, train.RowCount);
        var folds = CrossValidationFolds.Create(method, train.RowCount, config.CrossValidation.Folds,
            classes > 0 ? target.Select(t => (int)t).ToArray() : null,
            groupColumn is null ? null : rows.Select(i => (string?)train[groupColumn].Format(i)).ToArray(),
            timeColumn is null ? null : train[timeColumn].Numbers,
            config.Seed);
        var prepared = folds.Select(fold =>
        {
            var fitTable = train.Select(fold.Train);
            var heldTable = train.Select(fold.Test);
            var fitTarget = fold.Train.Select(i => target[i]).ToArray();
            var preprocessor = new FeaturePreprocessor(config.Preparation);
            preprocessor.Fit(fitTable, featureColumns, fitTarget, classes > 0);
            var fit = new LearningData(preprocessor.Transform(fitTable), fitTarget, null, rankingGroups(fitTable));
            if (task.IsClassification()) fit = ClassRebalancing.Apply(config.Imbalance, fit, classes, config.Seed);
            var held = new LearningData(preprocessor.Transform(heldTable), fold.Test.Select(i => target[i]).ToArray(), null, rankingGroups(heldTable));
            return (fit, held);
        }).ToArray();
        return new CrossValidator(method, prepared);
    }

    /// <summary>Fits <paramref name="trainer"/> on every fold's training part and scores it on the held-out part.</summary>
    public CrossValidationScore Evaluate(ModelTrainer trainer, IReadOnlyDictionary<string, double> hyperparameters, int classes, int seed,
        Func<TrainedModel, LearningData, double> score, IProgress<StepProgress>? steps)
    {
        var stage = $"cross-validation ({_method}, {_folds.Length} folds): {trainer.Name}";
        var values = new double[_folds.Length];
        for (var f = 0; f < _folds.Length; f++)
        {
            steps?.Report(new StepProgress(stage, f, _folds.Length));
            values[f] = score(trainer.Fit(_folds[f].Fit, classes, hyperparameters, seed), _folds[f].Held);
        }
        steps?.Report(new StepProgress(stage, _folds.Length, _folds.Length));
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        var mean = present.Length == 0 ? double.NaN : present.Average();
        var deviation = present.Length < 2 ? 0 : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
        return new CrossValidationScore(_method, mean, deviation, values);
    }
}

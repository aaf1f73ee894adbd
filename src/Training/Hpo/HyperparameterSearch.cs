using EdgeML.Training.Metrics;
using EdgeML.Training.Models;
using EdgeML.Training.Pipeline;

namespace EdgeML.Training.Hpo;

/// <summary>One evaluated hyperparameter set.</summary>
public sealed record Trial(IReadOnlyDictionary<string, double> Parameters, double Score);

/// <summary>The search as run: the tuned model, every trial in order, and the chosen hyperparameters (defaults
/// merged with the best trial's). <see cref="ScoredOn"/> says what each trial was scored on.</summary>
public sealed record HpoSummary(string Model, string Method, int Budget, string ScoredOn, IReadOnlyList<Trial> Trials,
    IReadOnlyDictionary<string, double> Chosen, double BestScore);

/// <summary>
/// Grid, random and Bayesian search over a declared space within a trial budget. Every trial trains on the
/// training split and is scored on validation, so the test split stays untouched by tuning.
/// </summary>
internal static class HyperparameterSearch
{
    /// <param name="evaluate">Scores a learner with given hyperparameters (on validation, or cross-validated): never on test.</param>
    /// <returns>Null when the config asks for no search.</returns>
    public static HpoSummary? TuneIfConfigured(TrainingConfig config, IReadOnlyList<ModelTrainer> candidates,
        Func<ModelTrainer, IReadOnlyDictionary<string, double>, double> evaluate, ObjectiveMetric objective, string scoredOn, IProgress<string>? progress,
        IProgress<StepProgress>? steps)
    {
        if (config.Hpo.Method == "none") return null;
        var trainer = config.Hpo.Model is null ? candidates[0] : candidates.FirstOrDefault(c => c.Name == config.Hpo.Model)
            ?? throw new TrainingException($"hpo.model '{config.Hpo.Model}' is not among the candidates");
        var space = config.Hpo.Space.Count > 0 ? config.Hpo.Space : trainer.DefaultSpace.ToDictionary();
        if (space.Count == 0) throw new TrainingException($"model '{trainer.Name}' has no hyperparameters to tune");
        var stage = $"HPO {config.Hpo.Method}: {trainer.Name}";
        var done = 0;
        var trials = Search(config.Hpo.Method, space, config.Hpo.Budget, config.Seed, objective.HigherIsBetter, parameters =>
        {
            var merged = trainer.Defaults.ToDictionary();
            foreach (var (k, v) in parameters) merged[k] = v;
            progress?.Report($"{stage} {string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value:G4}"))}");
            steps?.Report(new StepProgress(stage, done, config.Hpo.Budget));
            var score = evaluate(trainer, merged);
            steps?.Report(new StepProgress(stage, ++done, config.Hpo.Budget));
            return score;
        });
        var scored = trials.Where(t => !double.IsNaN(t.Score)).ToList();
        if (scored.Count == 0) throw new TrainingException($"{stage}: no trial produced a score");
        var best = scored.Aggregate((a, b) => objective.Better(b.Score, a.Score) ? b : a);
        var chosen = trainer.Defaults.ToDictionary();
        foreach (var (k, v) in best.Parameters) chosen[k] = v;
        return new HpoSummary(trainer.Name, config.Hpo.Method, config.Hpo.Budget, scoredOn, trials, chosen, best.Score);
    }

    public static IReadOnlyList<Trial> Search(string method, IReadOnlyDictionary<string, ParameterRange> space, int budget, int seed,
        bool higherIsBetter, Func<IReadOnlyDictionary<string, double>, double> evaluate)
    {
        if (budget < 1) throw new TrainingException("hpo.budget must be at least 1");
        return method switch
        {
            "grid" => GridPoints(space, budget).Select(p => new Trial(p, evaluate(p))).ToList(),
            "random" => RandomPoints(space, budget, new Random(seed)).Select(p => new Trial(p, evaluate(p))).ToList(),
            "bayesian" => BayesianOptimizer.Run(space, budget, seed, higherIsBetter, evaluate),
            _ => throw new TrainingException($"unknown hpo method '{method}' (none, grid, random, bayesian)"),
        };
    }

    /// <summary>Cartesian product of each dimension's values (declared, or low/middle/high), at most <paramref name="budget"/> points.</summary>
    public static List<Dictionary<string, double>> GridPoints(IReadOnlyDictionary<string, ParameterRange> space, int budget)
    {
        var axes = space.Select(kv => (kv.Key, Values: kv.Value.Values?.ToArray() ?? new[] { 0.0, 0.5, 1.0 }.Select(u => Decode(kv.Value, u)).Distinct().ToArray())).ToList();
        var points = new List<Dictionary<string, double>> { new() };
        foreach (var (name, values) in axes)
            points = points.SelectMany(p => values.Select(v => new Dictionary<string, double>(p) { [name] = v })).ToList();
        return points.Take(budget).ToList();
    }

    public static List<Dictionary<string, double>> RandomPoints(IReadOnlyDictionary<string, ParameterRange> space, int count, Random random) =>
        Enumerable.Range(0, count).Select(_ => space.ToDictionary(kv => kv.Key, kv => kv.Value.Values is { Count: > 0 } values
            ? values[random.Next(values.Count)] : Decode(kv.Value, random.NextDouble()))).ToList();

    /// <summary>Maps u ∈ [0,1] into the range (log-uniform when Log, rounded when Integer).</summary>
    public static double Decode(ParameterRange range, double u)
    {
        var value = range.Log
            ? Math.Exp(Math.Log(range.Min) + u * (Math.Log(range.Max) - Math.Log(range.Min)))
            : range.Min + u * (range.Max - range.Min);
        return range.Integer ? Math.Round(value) : value;
    }

    public static double Encode(ParameterRange range, double value) => range.Log
        ? (Math.Log(value) - Math.Log(range.Min)) / (Math.Log(range.Max) - Math.Log(range.Min))
        : range.Max == range.Min ? 0 : (value - range.Min) / (range.Max - range.Min);
}

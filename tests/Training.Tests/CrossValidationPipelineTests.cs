using EdgeML.Training.Pipeline;

namespace EdgeML.Training.Tests;

/// <summary>Cross-validation chooses the model and scores HPO trials; the folds never see the test split.</summary>
public sealed class CrossValidationPipelineTests
{
    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Items { get; } = [];
        public void Report(T value) => Items.Add(value);
    }

    [Fact]
    public void StratifiedCrossValidationChoosesTheModelWithTheBestMeanAndDrivesHpo()
    {
        var steps = new Recorder<StepProgress>();
        var config = new TrainingConfig
        {
            CrossValidation = new CrossValidationConfig { Method = "stratified", Folds = 3 },
            Hpo = new HpoConfig { Method = "random", Budget = 2, Model = "knn" },
        };
        var output = SharedData.TempDirectory();
        var result = TrainingPipeline.Run(new TrainingOptions
        {
            DataPath = SharedData.PenguinsSample, Label = "Species", Task = "multiclass", OutputDirectory = output,
            Config = config, Models = ["knn", "decision_tree"], Steps = steps,
        });

        var models = result.Candidates.Where(c => !c.IsBaseline).ToList();
        Assert.All(models, m =>
        {
            Assert.NotNull(m.CrossValidation);
            Assert.Equal(3, m.CrossValidation!.Folds.Length);
            Assert.Equal(m.CrossValidation.Folds.Average(), m.CrossValidation.Mean, 12);
            Assert.All(m.CrossValidation.Folds, f => Assert.InRange(f, 0.0, 1.0));
        });
        var best = models.MaxBy(m => m.CrossValidation!.Mean)!;
        Assert.Equal(best.Name, result.BestModel);

        // Two HPO trials, each cross-validated over 3 folds, then each candidate's own 3 folds: all reported as steps.
        Assert.Equal(2, steps.Items.Where(s => s.Stage.StartsWith("HPO random: knn", StringComparison.Ordinal)).Max(s => s.Done));
        var knnFoldRuns = steps.Items.Count(s => s.Stage.Contains("knn", StringComparison.Ordinal) && s.Stage.StartsWith("cross-validation (stratified, 3 folds)", StringComparison.Ordinal) && s.Done == 3);
        Assert.Equal(3, knnFoldRuns); // 2 trials + the final candidate evaluation
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("cross-validated mean over the training split", report);

        // The search is kept in the result and the report: both trials, and the chosen k is the best trial's.
        var hpo = result.Hpo!;
        Assert.Equal("knn", hpo.Model);
        Assert.Equal(2, hpo.Trials.Count);
        Assert.Equal(hpo.Trials.Max(t => t.Score), hpo.BestScore);
        Assert.Equal(hpo.Trials.MaxBy(t => t.Score)!.Parameters["k"], hpo.Chosen["k"]);
        Assert.Equal(hpo.Chosen["k"], result.Candidates.Single(c => c.Name == "knn").Hyperparameters["k"]);
        foreach (var section in new[] { "<h2>Cross-validation</h2>", "<h2>Hyperparameter search</h2>", "random search over <b>knn</b>" })
            Assert.Contains(section, report);
    }
}

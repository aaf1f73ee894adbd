using EdgeML.Training.Pipeline;

namespace EdgeML.Training.Tests;

/// <summary>
/// Trains each data set once per test run (a few seconds each) and shares the result among the tests that
/// inspect it; a run on a missing shared file is never started, because its tests are skipped.
/// </summary>
public sealed class PipelineRuns
{
    public sealed record Run(string DataPath, string Output, string Task, TrainingResult Result);

    private readonly Lazy<Run> _penguins = new(() => Train(SharedData.PenguinsSample, "Species", "multiclass", models: ["logistic", "decision_tree"]));
    private readonly Lazy<Run> _cars = new(() => Train(SharedData.Dataset("cars.json"), "Miles_per_Gallon", "regression", models: ["fasttree", "linear"]));
    private readonly Lazy<Run> _flights = new(() => Train(SharedData.Dataset("flights-5k.json"), "delay", "binary", new TrainingConfig { LabelThreshold = 15 },
        split: "time", models: ["logistic"]));

    public Run Penguins => _penguins.Value;
    public Run Cars => _cars.Value;
    public Run Flights => _flights.Value;

    public static Run Train(string data, string? label, string task, TrainingConfig? config = null, string? split = null, string[]? models = null,
        string? groupColumn = null)
    {
        var output = SharedData.TempDirectory();
        var result = TrainingPipeline.Run(new TrainingOptions
        {
            DataPath = data, Label = label, Task = task, OutputDirectory = output, Config = config ?? new TrainingConfig(), Split = split, Models = models,
            GroupColumn = groupColumn,
        });
        return new Run(data, output, task, result);
    }
}

namespace EdgeML.Training.Pipeline;

/// <summary>What `edgeml train` passes in: the command line, with the config file already read.</summary>
public sealed record TrainingOptions
{
    public required string DataPath { get; init; }
    public string? Label { get; init; }
    public required string Task { get; init; }
    public required string OutputDirectory { get; init; }
    public TrainingConfig Config { get; init; } = new();
    /// <summary>Overrides <see cref="TrainingConfig.Split"/> (random | stratified | time | group).</summary>
    public string? Split { get; init; }
    public string? TimeColumn { get; init; }
    public string? GroupColumn { get; init; }
    public bool Robustness { get; init; }
    /// <summary>Overrides the candidate list (comma-separated on the command line).</summary>
    public IReadOnlyList<string>? Models { get; init; }
    /// <summary>Progress lines for long steps; the CLI renders them with Spectre.Console.</summary>
    public IProgress<string>? Progress { get; init; }
    /// <summary>Counted steps (cross-validation folds, HPO trials); the CLI draws them as progress bars.</summary>
    public IProgress<StepProgress>? Steps { get; init; }
}

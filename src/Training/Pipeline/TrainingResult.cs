using EdgeML.Training.Data;
using EdgeML.Training.Splits;

namespace EdgeML.Training.Pipeline;

/// <summary>One candidate's or baseline's figures.</summary>
public sealed record CandidateResult(string Name, bool IsBaseline, IReadOnlyDictionary<string, double> Hyperparameters,
    double ValidationObjective, IReadOnlyDictionary<string, double> TestMetrics, double TrainSeconds, CrossValidationScore? CrossValidation = null)
{
    /// <summary>What the model is chosen by: the cross-validated mean when there is one, else the validation split's value.</summary>
    public double SelectionObjective => CrossValidation?.Mean ?? ValidationObjective;
}

/// <summary>Everything a run produced; written to metrics.json and rendered into report.html.</summary>
public sealed record TrainingResult
{
    public required string Task { get; init; }
    public required string? Label { get; init; }
    public required string Objective { get; init; }
    public required bool ObjectiveHigherIsBetter { get; init; }
    public required string BestModel { get; init; }
    public required IReadOnlyDictionary<string, double> TestMetrics { get; init; }
    public required bool BeatsAllBaselines { get; init; }
    public required IReadOnlyList<CandidateResult> Candidates { get; init; }
    public required IReadOnlyList<string> Classes { get; init; }
    public required double DecisionThreshold { get; init; }
    public required string SplitMethod { get; init; }
    public required int TrainRows { get; init; }
    public required int ValidationRows { get; init; }
    public required int TestRows { get; init; }
    public required int DroppedUnlabelledRows { get; init; }
    public required LeakageReport Leakage { get; init; }
    public required IReadOnlyList<string> Features { get; init; }
    public required IReadOnlyList<string> Preparation { get; init; }
    public required DeploymentReport Deployment { get; init; }
    public required IReadOnlyList<ConstraintCheck> Constraints { get; init; }
    public IReadOnlyList<RobustnessCheck> Robustness { get; init; } = [];
    public IReadOnlyList<SliceResult> Slices { get; init; } = [];
    public IReadOnlyDictionary<string, double> PermutationImportance { get; init; } = new Dictionary<string, double>();
    public Explainability.ExplanationSummary? Explanations { get; init; }
    /// <summary>The hyperparameter search, when the config asks for one.</summary>
    public Hpo.HpoSummary? Hpo { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record ConstraintCheck(string Name, string Limit, string Measured, bool Passed);
public sealed record RobustnessCheck(string Name, bool Passed, string Figures);
public sealed record SliceResult(string Column, string Value, int Rows, double Objective);

using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// The optional --config file: problem framing, data assembly choices, model search. Every field has a default
/// so a config only says what differs. Property names are camelCase in JSON.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>Metric the best model is chosen by (see <see cref="Metrics.ObjectiveMetric"/>); default per task.</summary>
    public string? Objective { get; init; }
    public ProblemConstraints Constraints { get; init; } = new();
    public ConfidencePolicy Confidence { get; init; } = new();

    /// <summary>For a binary task on a numeric column: label = value &gt; threshold (e.g. flight delay &gt; 15 min).</summary>
    public double? LabelThreshold { get; init; }
    public string? PositiveClass { get; init; }
    public List<string>? Features { get; init; }
    public List<string> Exclude { get; init; } = [];
    public string? TimeColumn { get; init; }
    public string? GroupColumn { get; init; }
    /// <summary>random | stratified | time | group.</summary>
    public string? Split { get; init; }
    public double TestFraction { get; init; } = 0.2;
    public double ValidationFraction { get; init; } = 0.15;
    public PreparationConfig Preparation { get; init; } = new();
    public SamplingConfig Sampling { get; init; } = new();
    /// <summary>none | undersample | oversample | smote | tomek | class_weights.</summary>
    public string Imbalance { get; init; } = "none";
    public CrossValidationConfig CrossValidation { get; init; } = new();
    public HpoConfig Hpo { get; init; } = new();
    /// <summary>Candidate model names; empty = the task's default set.</summary>
    public List<string> Models { get; init; } = [];
    /// <summary>Columns to evaluate per slice (and for the slice-fairness robustness test).</summary>
    public List<string> Slices { get; init; } = [];
    public List<DirectionalExpectation> Directional { get; init; } = [];
    public int Seed { get; init; } = 42;

    public static TrainingConfig Load(string? path)
    {
        if (path is null) return new TrainingConfig();
        if (!File.Exists(path)) throw new TrainingException($"config file not found: {path}");
        try
        {
            return JsonSerializer.Deserialize<TrainingConfig>(File.ReadAllText(path), JsonOptions) ?? new TrainingConfig();
        }
        catch (JsonException e)
        {
            throw new TrainingException($"config {Path.GetFileName(path)} is invalid: {e.Message.Split('\n')[0]}");
        }
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <summary>What makes a model deployable: checked after training and reported pass/fail.</summary>
public sealed record ProblemConstraints
{
    public double? MaxLatencyMs { get; init; }
    public double? MaxModelSizeKb { get; init; }
    /// <summary>Cost of a missed positive relative to a false alarm; moves the binary decision threshold.</summary>
    public double FalseNegativeCost { get; init; } = 1;
    public double FalsePositiveCost { get; init; } = 1;
    /// <summary>The objective value below which the model is not worth deploying.</summary>
    public double? UsefulnessThreshold { get; init; }
}

/// <summary>Below <see cref="Threshold"/> the device should not act on a prediction but discard / clarify / refer it.</summary>
public sealed record ConfidencePolicy
{
    public static readonly string[] Policies = ["discard", "clarify", "refer"];

    public double Threshold { get; init; } = 0.5;
    /// <summary>discard | clarify | refer.</summary>
    public string Policy { get; init; } = "refer";

    public void Validate()
    {
        if (!Policies.Contains(Policy)) throw new TrainingException($"unknown confidence policy '{Policy}' ({string.Join(", ", Policies)})");
        if (!(Threshold >= 0 && Threshold <= 1)) throw new TrainingException($"confidence threshold {Threshold} is not in [0, 1]");
    }
}

public sealed record PreparationConfig
{
    /// <summary>mean | median | mode | constant | knn | iterative | drop_rows | drop_columns.</summary>
    public string Imputation { get; init; } = "median";
    public double ImputationConstant { get; init; }
    public int KnnNeighbours { get; init; } = 5;
    public bool MissingIndicators { get; init; } = true;
    /// <summary>Columns with more missing than this fraction are dropped (drop_columns, or always above 0.6 by default).</summary>
    public double MaxMissingFraction { get; init; } = 0.6;
    /// <summary>onehot | ordinal.</summary>
    public string Categorical { get; init; } = "onehot";
    public int MaxCategories { get; init; } = 20;
    /// <summary>zscore | minmax | none.</summary>
    public string Scaling { get; init; } = "zscore";
    /// <summary>Per-column: log | yeojohnson | boxcox | discretize.</summary>
    public Dictionary<string, string> Transforms { get; init; } = [];
    public int DiscretizeBins { get; init; } = 5;
    public FeatureSelectionConfig FeatureSelection { get; init; } = new();
}

public sealed record FeatureSelectionConfig
{
    /// <summary>none | variance | rfe | sequential.</summary>
    public string Method { get; init; } = "none";
    public double VarianceThreshold { get; init; } = 1e-8;
    public int? Keep { get; init; }
}

public sealed record SamplingConfig
{
    /// <summary>none | random | stratified | weighted | reservoir: applied to the training split.</summary>
    public string Method { get; init; } = "none";
    public int? Size { get; init; }
    public string? WeightColumn { get; init; }
}

public sealed record CrossValidationConfig
{
    /// <summary>none | kfold | loo | stratified | group | timeseries.</summary>
    public string Method { get; init; } = "none";
    public int Folds { get; init; } = 5;
}

public sealed record HpoConfig
{
    /// <summary>none | grid | random | bayesian.</summary>
    public string Method { get; init; } = "none";
    public int Budget { get; init; } = 10;
    /// <summary>The model tuned (default: the first candidate).</summary>
    public string? Model { get; init; }
    public Dictionary<string, ParameterRange> Space { get; init; } = [];
}

public sealed record ParameterRange
{
    public double Min { get; init; }
    public double Max { get; init; }
    public bool Log { get; init; }
    public bool Integer { get; init; }
    public List<double>? Values { get; init; }
}

/// <summary>"Raising <see cref="Feature"/> should not lower (increase) / raise (decrease) the prediction."</summary>
public sealed record DirectionalExpectation
{
    public string Feature { get; init; } = "";
    public string Direction { get; init; } = "increase";
}

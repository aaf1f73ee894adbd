namespace EdgeML.Training.Pipeline;

/// <summary>Progress of a counted step (cross-validation folds, HPO trials): <see cref="Done"/> of <see cref="Total"/> in <see cref="Stage"/>.</summary>
public sealed record StepProgress(string Stage, int Done, int Total);

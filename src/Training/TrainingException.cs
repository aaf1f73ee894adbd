namespace EdgeML.Training;

/// <summary>
/// An error the user can cause (bad data, bad config). Its message is one line that the CLI prints as is.
/// Kept in Training until EdgeML.Runtime.EdgeMLException exists; then it can derive from it.
/// </summary>
public sealed class TrainingException(string message) : Exception(message);

using EdgeML.Training.Models;

namespace EdgeML.Training.Explainability;

/// <summary>
/// The one number per row that the explanations attribute: P(positive) for binary, P(the row's predicted class) for
/// multiclass, the score otherwise (regression value, ranking score, anomaly score).
/// </summary>
internal sealed class ExplainedOutput(TrainedModel model, LearningTask task, int explainedClass)
{
    public string Describe(IReadOnlyList<string> classes) => task switch
    {
        LearningTask.Binary => $"P({classes[^1]})",
        LearningTask.Multiclass => $"P({classes[explainedClass]})",
        _ => "score",
    };

    public static ExplainedOutput For(TrainedModel model, LearningTask task, float[] row)
    {
        var k = task switch
        {
            LearningTask.Binary => 1,
            LearningTask.Multiclass => model.Predict([row]).Classes()[0],
            _ => 0,
        };
        return new ExplainedOutput(model, task, k);
    }

    /// <summary>The explained value for every row of <paramref name="rows"/>, in one batch.</summary>
    public double[] Evaluate(float[][] rows)
    {
        var output = model.Predict(rows);
        return output.Probabilities is not null ? output.Probabilities.Select(p => p[explainedClass]).ToArray() : output.Scores!;
    }

    public double Evaluate(float[] row) => Evaluate([row])[0];
}

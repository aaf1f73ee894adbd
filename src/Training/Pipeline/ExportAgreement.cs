using EdgeML.Training.Models;

namespace EdgeML.Training.Pipeline;

/// <summary>How closely one engine's outputs reproduce another's (or the trained model's) on the test split.</summary>
public sealed record ExportAgreement(string Engine, string Reference, int Rows, double MaxAbsoluteDifference, double LabelAgreement)
{
    /// <summary>Agreement to hold a deployed model to: outputs within 1e-4, every label the same.</summary>
    public bool IsExact => Rows > 0 && MaxAbsoluteDifference <= 1e-4 && (double.IsNaN(LabelAgreement) || LabelAgreement == 1.0);
}

/// <summary>What an engine computed for the test rows: the main output per row and the label/cluster per row.</summary>
internal sealed record EngineOutputs(string Engine, float[][] Outputs, int[]? Labels)
{
    /// <summary>
    /// Compares with the trained model's own predictions. Clustering compares the nearest distance (what the
    /// model's score is); the other tasks every probability or the score.
    /// </summary>
    public ExportAgreement Against(ModelOutput expected, int[]? expectedLabels, LearningTask task)
    {
        double maxDiff = 0;
        for (var i = 0; i < Outputs.Length; i++)
        {
            if (expected.Probabilities is not null)
                for (var j = 0; j < Outputs[i].Length; j++) maxDiff = Math.Max(maxDiff, Math.Abs(Outputs[i][j] - expected.Probabilities[i][j]));
            else if (task == LearningTask.Clustering)
                maxDiff = Math.Max(maxDiff, Math.Abs(Outputs[i].Min() - expected.Scores![i]));
            else
                maxDiff = Math.Max(maxDiff, Math.Abs(Outputs[i][0] - expected.Scores![i]));
        }
        return new ExportAgreement(Engine, "trained model", Outputs.Length, maxDiff, LabelShare(Labels, expectedLabels));
    }

    /// <summary>Compares two engines output by output.</summary>
    public ExportAgreement Against(EngineOutputs other)
    {
        double maxDiff = 0;
        for (var i = 0; i < Outputs.Length; i++)
            for (var j = 0; j < Outputs[i].Length; j++) maxDiff = Math.Max(maxDiff, Math.Abs(Outputs[i][j] - other.Outputs[i][j]));
        return new ExportAgreement(Engine, other.Engine, Outputs.Length, maxDiff, LabelShare(Labels, other.Labels));
    }

    private static double LabelShare(int[]? a, int[]? b) =>
        a is null || b is null ? double.NaN : a.Zip(b).Count(p => p.First == p.Second) / (double)Math.Max(1, a.Length);
}

namespace EdgeML.Training.Models;

/// <summary>
/// Encoded rows ready for a learner: features, target (class index for classification, value otherwise, NaN when
/// unlabelled), optional example weights (class weights / cost-sensitive training) and query groups (ranking).
/// </summary>
internal sealed record LearningData(float[][] Features, double[] Target, float[]? Weights = null, int[]? Groups = null)
{
    public int Rows => Features.Length;
    public int Width => Features.Length == 0 ? 0 : Features[0].Length;

    public LearningData Select(IReadOnlyList<int> rows) => new(
        rows.Select(i => Features[i]).ToArray(),
        rows.Select(i => Target[i]).ToArray(),
        Weights is null ? null : rows.Select(i => Weights[i]).ToArray(),
        Groups is null ? null : rows.Select(i => Groups[i]).ToArray());
}

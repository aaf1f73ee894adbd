using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common.Ml;

/// <summary>Turns the aggregated leaf values of a tree ensemble regressor into its outputs:
/// base values, averaging and the post transform, with ONNX Runtime's conventions (a single target
/// takes base_values[0] when there is exactly one and honours only PROBIT; several targets take
/// base_values only when there is one per target, and a target no leaf scored reads 0).</summary>
public static class TreeScores
{
    public static T FinishSingle<T>(T score, bool has, TreeEnsembleCore trees, ReadOnlySpan<double> baseValues, PostTransform transform)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T origin = baseValues.Length == 1 ? T.CreateTruncating(baseValues[0]) : T.Zero;
        switch (trees.Aggregate)
        {
            case TreeAggregate.Sum: score += origin; break;
            case TreeAggregate.Average: score = score / T.CreateTruncating(trees.TreeCount) + origin; break;
            default: score = has ? score + origin : origin; break;
        }
        if (transform == PostTransform.Probit) score = T.CreateTruncating(MlScores.Probit(float.CreateTruncating(score)));
        return score;
    }

    /// <summary>Finishes several targets in place; the transform runs in float through <paramref name="floats"/>.</summary>
    public static void FinishMany<T>(Span<T> scores, ReadOnlySpan<bool> has, TreeEnsembleCore trees, ReadOnlySpan<double> baseValues, PostTransform transform, Span<float> floats)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool useBase = baseValues.Length == scores.Length;
        for (int j = 0; j < scores.Length; j++)
        {
            T b = useBase ? T.CreateTruncating(baseValues[j]) : T.Zero;
            T s = scores[j];
            switch (trees.Aggregate)
            {
                case TreeAggregate.Sum: s += b; break;
                case TreeAggregate.Average: s = s / T.CreateTruncating(trees.TreeCount) + b; break;
                default: s = b + (has[j] ? s : T.Zero); break;
            }
            scores[j] = has[j] ? s : T.Zero;
        }
        if (transform == PostTransform.None) return;
        for (int j = 0; j < scores.Length; j++) floats[j] = float.CreateTruncating(scores[j]);
        MlScores.Transform(floats.Slice(0, scores.Length), transform);
        for (int j = 0; j < scores.Length; j++) scores[j] = T.CreateTruncating(floats[j]);
    }
}

using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Mean and variance of a contiguous segment (two passes, in the element type), shared by
/// the normalisations that work on contiguous blocks (InstanceNormalization, GroupNormalization).</summary>
public static class NormalizationLoops
{
    /// <summary>The mean of <paramref name="values"/> and 1 / sqrt(population variance + epsilon).</summary>
    public static void MeanAndInverseStd<T>(ReadOnlySpan<T> values, T epsilon, out T mean, out T inverseStd) where T : IFloatingPointIeee754<T>
    {
        T n = T.CreateChecked(values.Length);
        T sum = T.Zero;
        for (int i = 0; i < values.Length; i++) sum += values[i];
        mean = sum / n;
        T squares = T.Zero;
        for (int i = 0; i < values.Length; i++)
        {
            T d = values[i] - mean;
            squares += d * d;
        }
        inverseStd = T.One / T.Sqrt(squares / n + epsilon);
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceLogSumExp: log Σ exp(x), computed as max + log Σ exp(x − max) so large values do not overflow (−∞ for none; integer types are computed in double and truncated).</summary>
public readonly struct ReduceLogSumExpOperator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => false;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T max = T.NegativeInfinity;
        foreach (var v in values) max = T.Max(max, v);
        if (T.IsInfinity(max)) return max;
        T sum = T.Zero;
        foreach (var v in values) sum += T.Exp(v - max);
        return max + T.Log(sum);
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        double max = double.NegativeInfinity;
        foreach (var v in values) max = Math.Max(max, double.CreateChecked(v));
        if (double.IsInfinity(max)) return T.CreateSaturating(max);
        double sum = 0;
        foreach (var v in values) sum += Math.Exp(double.CreateChecked(v) - max);
        return T.CreateSaturating(max + Math.Log(sum));
    }
}

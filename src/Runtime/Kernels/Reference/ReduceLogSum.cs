using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceLogSum: the natural logarithm of the sum (−∞ for none; integer types truncate).</summary>
public readonly struct ReduceLogSumOperator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => false;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v;
        return T.Log(sum);
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v;
        return T.CreateSaturating(Math.Log(double.CreateChecked(sum)));
    }
}

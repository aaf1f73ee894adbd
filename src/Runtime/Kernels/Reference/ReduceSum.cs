using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceSum: the sum of the values (0 for none).</summary>
public readonly struct ReduceSumOperator : IReduceOperator
{
    public static int AxesInputSince => 13;
    public static bool SupportsBool => false;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v;
        return sum;
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v;
        return sum;
    }
}

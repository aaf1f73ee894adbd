using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceSumSquare: the sum of squares.</summary>
public readonly struct ReduceSumSquareOperator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => false;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v * v;
        return sum;
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v * v;
        return sum;
    }
}

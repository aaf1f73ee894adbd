using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceL2: the square root of the sum of squares (integer types truncate the root).</summary>
public readonly struct ReduceL2Operator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => false;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v * v;
        return T.Sqrt(sum);
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T sum = T.Zero;
        foreach (var v in values) sum += v * v;
        return T.CreateTruncating(Math.Sqrt(double.CreateChecked(sum)));
    }
}

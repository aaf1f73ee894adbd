using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceMin: the smallest value (+∞, or the type's maximum, for none); bool from opset 20.</summary>
public readonly struct ReduceMinOperator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => true;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T min = T.CreateSaturating(double.PositiveInfinity);
        foreach (var v in values) if (v < min) min = v;
        return min;
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T min = T.CreateSaturating(double.PositiveInfinity);
        foreach (var v in values) if (v < min) min = v;
        return min;
    }
}

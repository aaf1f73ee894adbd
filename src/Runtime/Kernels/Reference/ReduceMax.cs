using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceMax: the largest value (−∞, or the type's minimum, for none); bool from opset 20.</summary>
public readonly struct ReduceMaxOperator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => true;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T max = T.CreateSaturating(double.NegativeInfinity);
        foreach (var v in values) if (v > max) max = v;
        return max;
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T max = T.CreateSaturating(double.NegativeInfinity);
        foreach (var v in values) if (v > max) max = v;
        return max;
    }
}

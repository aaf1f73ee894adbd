using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ReduceProd: the product of the values (1 for none).</summary>
public readonly struct ReduceProdOperator : IReduceOperator
{
    public static int AxesInputSince => 18;
    public static bool SupportsBool => false;

    public static T ReduceFloat<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        T product = T.One;
        foreach (var v in values) product *= v;
        return product;
    }

    public static T ReduceInteger<T>(ReadOnlySpan<T> values) where T : IBinaryInteger<T>
    {
        T product = T.One;
        foreach (var v in values) product *= v;
        return product;
    }
}

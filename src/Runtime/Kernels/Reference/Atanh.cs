using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Atanh: the inverse hyperbolic tangent.</summary>
public readonly struct AtanhOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Atanh(x);
}

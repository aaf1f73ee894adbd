using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Ceil: the smallest integer not below x.</summary>
public readonly struct CeilOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Ceiling(x);
}

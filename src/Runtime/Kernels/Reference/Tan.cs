using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Tan: the tangent of x in radians.</summary>
public readonly struct TanOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Tan(x);
}

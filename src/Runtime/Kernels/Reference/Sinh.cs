using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Sinh: the hyperbolic sine.</summary>
public readonly struct SinhOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Sinh(x);
}

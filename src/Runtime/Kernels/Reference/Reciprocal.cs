using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Reciprocal: 1 / x.</summary>
public readonly struct ReciprocalOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.One / x;
}

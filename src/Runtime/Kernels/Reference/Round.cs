using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Round: to the nearest integer, halves to even (2.5 -> 2, -1.5 -> -2).</summary>
public readonly struct RoundOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => T.Round(x, MidpointRounding.ToEven);
}

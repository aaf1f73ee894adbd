using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Neg: -x (integers wrap, as in C).</summary>
public readonly struct NegOperator : INumericUnary
{
    public static T Apply<T>(T x) where T : INumber<T> => -x;
}

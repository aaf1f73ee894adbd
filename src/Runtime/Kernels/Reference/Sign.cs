using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Sign: 1 for positive, -1 for negative, 0 for zero; NaN stays NaN.</summary>
public readonly struct SignOperator : INumericUnary
{
    public static T Apply<T>(T x) where T : INumber<T>
    {
        if (x > T.Zero) return T.One;
        if (x < T.Zero) return -T.One;
        return x == T.Zero ? T.Zero : x;
    }
}

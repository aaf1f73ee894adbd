using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Abs: |x|. The most negative integer stays itself (two's complement), as in C.</summary>
public readonly struct AbsOperator : INumericUnary
{
    public static T Apply<T>(T x) where T : INumber<T> => T.IsNegative(x) ? -x : x;
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Relu: max(x, 0).</summary>
public readonly struct ReluOperator : INumericUnary
{
    public static T Apply<T>(T x) where T : INumber<T> => x > T.Zero ? x : T.Zero;
}

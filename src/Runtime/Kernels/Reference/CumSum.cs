using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>CumSum: running sums along an axis (attributes exclusive, reverse).</summary>
public readonly struct CumSumOperator : ICumulativeOperator
{
    public static T Identity<T>() where T : INumber<T> => T.Zero;

    public static T Combine<T>(T accumulated, T x) where T : INumber<T> => accumulated + x;
}

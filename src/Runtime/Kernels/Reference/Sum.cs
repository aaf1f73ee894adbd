using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Sum: the elementwise sum of one or more inputs, with broadcasting.</summary>
public readonly struct SumOperator : IVariadicOperator
{
    public static T Combine<T>(T accumulated, T x) where T : INumber<T> => accumulated + x;

    public static T Finish<T>(T accumulated, int count) where T : INumber<T> => accumulated;
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Max: the elementwise maximum of one or more inputs, with broadcasting; NaN wins.</summary>
public readonly struct MaxOperator : IVariadicOperator
{
    public static T Combine<T>(T accumulated, T x) where T : INumber<T> => T.IsNaN(accumulated) || accumulated > x ? accumulated : x;

    public static T Finish<T>(T accumulated, int count) where T : INumber<T> => accumulated;
}

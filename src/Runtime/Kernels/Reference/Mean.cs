using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Mean: the elementwise mean of one or more inputs, with broadcasting.</summary>
public readonly struct MeanOperator : IVariadicOperator
{
    public static T Combine<T>(T accumulated, T x) where T : INumber<T> => accumulated + x;

    public static T Finish<T>(T accumulated, int count) where T : INumber<T> => accumulated / T.CreateTruncating(count);
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Mish: x * tanh(softplus(x)).</summary>
public readonly struct MishOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x * T.Tanh(SoftplusOperator.Apply(x));
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Softsign: x / (1 + |x|).</summary>
public readonly struct SoftsignOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T> => x / (T.One + T.Abs(x));
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Sigmoid: 1 / (1 + e^-x), written to avoid overflow for large |x|.</summary>
public readonly struct SigmoidOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (x >= T.Zero) return T.One / (T.One + T.Exp(-x));
        var e = T.Exp(x);
        return e / (T.One + e);
    }
}

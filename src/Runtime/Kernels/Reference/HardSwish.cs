using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>HardSwish: x * max(0, min(1, x / 6 + 1/2)).</summary>
public readonly struct HardSwishOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T gate = x / T.CreateTruncating(6) + T.CreateTruncating(0.5);
        if (gate < T.Zero) gate = T.Zero;
        else if (gate > T.One) gate = T.One;
        return x * gate;
    }
}

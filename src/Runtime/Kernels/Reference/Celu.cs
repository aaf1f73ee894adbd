using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Celu: max(0, x) + min(0, alpha * (e^(x / alpha) - 1)); alpha defaults to 1.</summary>
public readonly struct CeluOperator : IFloatActivation
{
    public static (float Alpha, float Beta) Parameters(KernelInfo info) => (info.Attributes.GetFloat("alpha", 1f), 0f);

    public static T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>
    {
        T positive = x > T.Zero ? x : T.Zero;
        T negative = alpha * (T.Exp(x / alpha) - T.One);
        return positive + (negative < T.Zero ? negative : T.Zero);
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Selu: gamma * x for x &gt; 0, gamma * alpha * (e^x - 1) otherwise; the defaults are the self-normalising constants.</summary>
public readonly struct SeluOperator : IFloatActivation
{
    public static (float Alpha, float Beta) Parameters(KernelInfo info) => (info.Attributes.GetFloat("alpha", 1.67326319217681884765625f), info.Attributes.GetFloat("gamma", 1.05070102214813232421875f));

    public static T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>
    {
        // beta carries gamma.
        return x > T.Zero ? beta * x : beta * (alpha * T.Exp(x) - alpha);
    }
}

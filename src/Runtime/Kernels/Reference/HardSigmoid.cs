using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>HardSigmoid: max(0, min(1, alpha * x + beta)); alpha defaults to 0.2, beta to 0.5.</summary>
public readonly struct HardSigmoidOperator : IFloatActivation
{
    public static (float Alpha, float Beta) Parameters(KernelInfo info) => (info.Attributes.GetFloat("alpha", 0.2f), info.Attributes.GetFloat("beta", 0.5f));

    public static T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>
    {
        T v = alpha * x + beta;
        if (v < T.Zero) return T.Zero;
        return v > T.One ? T.One : v;
    }
}

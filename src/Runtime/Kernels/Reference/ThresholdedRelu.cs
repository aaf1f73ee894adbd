using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>ThresholdedRelu: x where x &gt; alpha, else 0; alpha defaults to 1.</summary>
public readonly struct ThresholdedReluOperator : IFloatActivation
{
    public static (float Alpha, float Beta) Parameters(KernelInfo info) => (info.Attributes.GetFloat("alpha", 1f), 0f);

    public static T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>
    {
        return x > alpha ? x : T.Zero;
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>LeakyRelu: x for x &gt;= 0, alpha * x below; alpha defaults to 0.01.</summary>
public readonly struct LeakyReluOperator : IFloatActivation
{
    public static (float Alpha, float Beta) Parameters(KernelInfo info) => (info.Attributes.GetFloat("alpha", 0.01f), 0f);

    public static T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>
    {
        return x < T.Zero ? alpha * x : x;
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Elu: x for x &gt;= 0, alpha * (e^x - 1) below; alpha defaults to 1.</summary>
public readonly struct EluOperator : IFloatActivation
{
    public static (float Alpha, float Beta) Parameters(KernelInfo info) => (info.Attributes.GetFloat("alpha", 1f), 0f);

    public static T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>
    {
        return x >= T.Zero ? x : alpha * (T.Exp(x) - T.One);
    }
}

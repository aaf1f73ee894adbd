using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Swish (opset 24): x * sigmoid(alpha * x); alpha defaults to 1.</summary>
public readonly struct SwishOperator : IFloatActivation
{
    public static (float Alpha, float Beta) Parameters(KernelInfo info) => (info.Attributes.GetFloat("alpha", 1f), 0f);

    public static T Apply<T>(T x, T alpha, T beta) where T : IFloatingPointIeee754<T>
    {
        return x * SigmoidOperator.Apply(alpha * x);
    }
}

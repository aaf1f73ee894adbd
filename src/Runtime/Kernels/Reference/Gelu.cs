using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Gelu (opset 20): x * Phi(x), with the normal distribution's Phi computed exactly
/// (<c>approximate="none"</c>) or by the tanh formula (<c>approximate="tanh"</c>).</summary>
public static class Gelu
{
    public static Kernel Create(KernelInfo info) => info.Attributes.GetString("approximate", "none") switch
    {
        "none" => FloatUnaryKernel<GeluOperator>.Create(info),
        "tanh" => FloatUnaryKernel<GeluTanhOperator>.Create(info),
        var s => throw info.Error($"approximate '{s}' is not 'none' or 'tanh'"),
    };
}

/// <summary>0.5 x (1 + erf(x / sqrt 2)), in double precision.</summary>
public readonly struct GeluOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T>
    {
        double v = double.CreateTruncating(x);
        return T.CreateTruncating(0.5 * v * (1 + SpecialFunctions.Erf(v / Math.Sqrt(2))));
    }
}

/// <summary>0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).</summary>
public readonly struct GeluTanhOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T>
    {
        double v = double.CreateTruncating(x);
        return T.CreateTruncating(0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
    }
}

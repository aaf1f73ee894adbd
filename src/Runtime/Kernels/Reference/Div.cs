using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Div: elementwise a / b with broadcasting. Integer division truncates towards zero; an
/// integer divided by zero gives 0 (ONNX leaves it undefined; NumPy, the ONNX reference, gives 0)
/// and the most negative integer divided by -1 wraps to itself. Floating point follows IEEE.</summary>
public readonly struct DivOperator : INumericBinary
{
    public static T Apply<T>(T a, T b) where T : INumber<T>
    {
        if (!KernelMath.IsFloatingPoint<T>())
        {
            if (b == T.Zero) return T.Zero;
            if (T.IsNegative(b) && b == -T.One) return -a;
        }
        return a / b;
    }
}

using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Mul: elementwise a * b with broadcasting.</summary>
public readonly struct MulOperator : INumericBinary
{
    public static T Apply<T>(T a, T b) where T : INumber<T> => a * b;
}

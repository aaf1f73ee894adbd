using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Sub: elementwise a - b with broadcasting.</summary>
public readonly struct SubOperator : INumericBinary
{
    public static T Apply<T>(T a, T b) where T : INumber<T> => a - b;
}

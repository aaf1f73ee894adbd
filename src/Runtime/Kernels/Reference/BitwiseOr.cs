using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>BitwiseOr: a | b on integers, with broadcasting.</summary>
public readonly struct BitwiseOrOperator : IBitwiseBinary
{
    public static T Apply<T>(T a, T b) where T : IBinaryInteger<T> => a | b;
}

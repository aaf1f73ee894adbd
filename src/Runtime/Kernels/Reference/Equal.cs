using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Equal: a == b elementwise with broadcasting (numbers, bool, strings).</summary>
public readonly struct EqualOperator : INumericPredicate
{
    public static bool Apply<T>(T a, T b) where T : INumber<T> => a == b;
}

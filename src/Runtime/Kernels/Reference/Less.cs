using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Less: a &lt; b elementwise with broadcasting.</summary>
public readonly struct LessOperator : INumericPredicate
{
    public static bool Apply<T>(T a, T b) where T : INumber<T> => a < b;
}

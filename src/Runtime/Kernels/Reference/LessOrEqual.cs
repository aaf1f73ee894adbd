using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>LessOrEqual: a &lt;= b elementwise with broadcasting.</summary>
public readonly struct LessOrEqualOperator : INumericPredicate
{
    public static bool Apply<T>(T a, T b) where T : INumber<T> => a <= b;
}

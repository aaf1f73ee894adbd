using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Softplus: ln(1 + e^x), as max(x, 0) + ln(1 + e^-|x|) so that neither large nor very
/// negative x loses precision.</summary>
public readonly struct SoftplusOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (T.IsNaN(x)) return x;
        T positivePart = x > T.Zero ? x : T.Zero;
        return positivePart + LogOnePlus(T.Exp(-T.Abs(x)));
    }

    /// <summary>ln(1 + v) for 0 &lt;= v &lt;= 1, accurate also when v is tiny (the rounding of 1 + v is compensated).</summary>
    internal static T LogOnePlus<T>(T v) where T : IFloatingPointIeee754<T>
    {
        T u = T.One + v;
        return u == T.One ? v : T.Log(u) * v / (u - T.One);
    }
}

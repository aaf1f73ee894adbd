using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>PRelu: x where x &gt;= 0, slope * x below; the slope broadcasts to x.</summary>
public readonly struct PReluOperator : INumericBinary
{
    public static T Apply<T>(T x, T slope) where T : INumber<T> => x < T.Zero ? slope * x : x;
}

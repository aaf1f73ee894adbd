using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>CumProd (opset 26): running products along an axis (attributes exclusive, reverse).</summary>
public readonly struct CumProdOperator : ICumulativeOperator
{
    public static T Identity<T>() where T : INumber<T> => T.One;

    public static T Combine<T>(T accumulated, T x) where T : INumber<T> => accumulated * x;
}

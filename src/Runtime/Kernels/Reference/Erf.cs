using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Erf: the error function, computed in double precision.</summary>
public readonly struct ErfOperator : IFloatUnary
{
    public static T Apply<T>(T x) where T : IFloatingPointIeee754<T>
        => T.CreateTruncating(SpecialFunctions.Erf(double.CreateTruncating(x)));
}

using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The pooled Lp norm (Σ |x|^p)^(1/p) of LpPool and GlobalLpPool.</summary>
public readonly struct LpNorm(double p) : IPoolSum
{
    public T Term<T>(T x) where T : IFloatingPointIeee754<T> => T.Pow(T.Abs(x), T.CreateChecked(p));

    public T Result<T>(T sum, in PoolWindow window) where T : IFloatingPointIeee754<T> => T.Pow(sum, T.One / T.CreateChecked(p));
}

using System.Numerics;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>One pooling window: its output position (depth, height, width) and how many of its taps
/// fall inside the input. A global pool has one window per plane, at position 0.</summary>
public readonly record struct PoolWindow(int D, int H, int W, int Taps);

/// <summary>
/// The math of a pool that sums one term per tap and finishes the sum (AveragePool, LpPool and their
/// Global forms); a struct, so the calls inline into <see cref="Pooling.Sum"/>'s loops.
/// </summary>
public interface IPoolSum
{
    /// <summary>What one input value adds to its window's sum.</summary>
    T Term<T>(T x) where T : IFloatingPointIeee754<T>;

    /// <summary>The output of a window from its sum.</summary>
    T Result<T>(T sum, in PoolWindow window) where T : IFloatingPointIeee754<T>;
}

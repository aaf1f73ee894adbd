namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Type tests for generic kernels; constant per instantiation, so the JIT removes the untaken branch.</summary>
public static class KernelMath
{
    /// <summary>True when <typeparamref name="T"/> is float, double or Half (not an integer type).</summary>
    public static bool IsFloatingPoint<T>() => typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half);
}

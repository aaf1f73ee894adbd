namespace EdgeML.Runtime.Cpu;

/// <summary>
/// The code path a kernel runs, from the plain oracle up to the widest vector unit. The order is
/// from least to most capable: <see cref="CpuFeatures.Variant"/> picks the last one the machine
/// supports. Every variant computes the same results (within float rounding; integers bit-exact).
/// </summary>
public enum CpuVariant
{
    /// <summary>The plain reference kernels of Kernels/Reference only: the oracle every fast kernel is tested against.</summary>
    Reference,
    /// <summary>The fast algorithms (packing, blocking, fusion) with scalar inner loops: any CPU.</summary>
    Scalar,
    /// <summary>128-bit vectors through <see cref="System.Runtime.Intrinsics.Vector128{T}"/>: ARM NEON (AdvSimd) on arm64, SSE on x64.</summary>
    Vector128,
    /// <summary>256-bit AVX2 with FMA.</summary>
    Avx2,
    /// <summary>512-bit AVX-512 (F, BW), used only where .NET reports Vector512 as accelerated.</summary>
    Avx512,
}

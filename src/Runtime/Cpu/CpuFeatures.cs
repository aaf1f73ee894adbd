using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace EdgeML.Runtime.Cpu;

/// <summary>
/// The one place that asks the CPU what it can do. Kernels never call IsSupported themselves: the
/// kernel table picks a variant from these flags once, and tests force each variant in turn.
/// </summary>
public static class CpuFeatures
{
    public static bool Avx2 => System.Runtime.Intrinsics.X86.Avx2.IsSupported && Fma.IsSupported;
    public static bool Avx512 => Avx512F.IsSupported && Avx512BW.IsSupported && Vector512.IsHardwareAccelerated;
    public static bool AvxVnni => System.Runtime.Intrinsics.X86.AvxVnni.IsSupported;
    public static bool Neon => AdvSimd.IsSupported;
    public static bool NeonDotProduct => Dp.IsSupported;

    /// <summary>A one-line summary for logs and benchmark reports.</summary>
    public static string Describe()
    {
        var flags = new List<string>();
        if (Avx2) flags.Add("avx2+fma");
        if (Avx512F.IsSupported) flags.Add(Vector512.IsHardwareAccelerated ? "avx512" : "avx512(not preferred)");
        if (AvxVnni) flags.Add("avx-vnni");
        if (Neon) flags.Add("neon");
        if (NeonDotProduct) flags.Add("dotprod");
        return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()} {Environment.ProcessorCount} cores [{string.Join(", ", flags)}]";
    }
}

using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace EdgeML.Runtime.Cpu;

/// <summary>
/// The one place that asks the CPU what it can do. Kernels never call IsSupported themselves (except
/// inside a variant's own file, for an instruction only that variant uses): a kernel factory reads
/// <see cref="Variant"/> once, when the session creates the kernel, and the kernel keeps it. Tests
/// run every supported variant in turn with <see cref="ForceVariant"/>.
/// </summary>
public static class CpuFeatures
{
    private static readonly AsyncLocal<CpuVariant?> Forced = new();

    public static bool Avx2 => System.Runtime.Intrinsics.X86.Avx2.IsSupported && Fma.IsSupported;
    public static bool Avx512 => Avx512F.IsSupported && Avx512BW.IsSupported && Vector512.IsHardwareAccelerated;
    /// <summary>AVX-512VL: the JIT encodes 256-bit code with EVEX and has 32 vector registers (Intel
    /// Cascade Lake reports AVX-512 but .NET prefers 256-bit vectors there).</summary>
    public static bool ThirtyTwoVectorRegisters => Avx512F.VL.IsSupported;
    public static bool AvxVnni => System.Runtime.Intrinsics.X86.AvxVnni.IsSupported;
    public static bool Neon => AdvSimd.IsSupported;
    public static bool NeonDotProduct => Dp.IsSupported;

    /// <summary>The best variant this machine runs, decided once.</summary>
    public static CpuVariant Best { get; } = Detect();

    /// <summary>The variant kernels created now should use: <see cref="Best"/>, unless a test forced
    /// another one on this thread (and the async flow it starts).</summary>
    public static CpuVariant Variant => Forced.Value ?? Best;

    /// <summary>Whether this machine can run <paramref name="variant"/>.</summary>
    public static bool IsSupported(CpuVariant variant) => variant switch
    {
        CpuVariant.Reference or CpuVariant.Scalar => true,
        CpuVariant.Vector128 => Vector128.IsHardwareAccelerated,
        CpuVariant.Avx2 => Avx2,
        CpuVariant.Avx512 => Avx512,
        _ => false,
    };

    /// <summary>Every variant this machine runs, from <see cref="CpuVariant.Reference"/> up.</summary>
    public static IReadOnlyList<CpuVariant> SupportedVariants { get; } =
        Enum.GetValues<CpuVariant>().Where(IsSupported).ToArray();

    /// <summary>For tests: kernels created until the returned scope is disposed use
    /// <paramref name="variant"/>. Scopes nest; the variant must be supported here.</summary>
    public static IDisposable ForceVariant(CpuVariant variant)
    {
        if (!IsSupported(variant)) throw new InvalidOperationException($"this machine does not support the {variant} variant");
        var scope = new Scope(Forced.Value);
        Forced.Value = variant;
        return scope;
    }

    private sealed class Scope(CpuVariant? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Forced.Value = previous;
        }
    }

    private static CpuVariant Detect()
    {
        if (Avx512) return CpuVariant.Avx512;
        if (Avx2) return CpuVariant.Avx2;
        if (Vector128.IsHardwareAccelerated) return CpuVariant.Vector128;
        return CpuVariant.Scalar;
    }

    /// <summary>A one-line summary for logs and benchmark reports.</summary>
    public static string Describe()
    {
        var flags = new List<string>();
        if (Avx2) flags.Add("avx2+fma");
        if (Avx512F.IsSupported) flags.Add(Vector512.IsHardwareAccelerated ? "avx512" : "avx512(not preferred)");
        if (AvxVnni) flags.Add("avx-vnni");
        if (Neon) flags.Add("neon");
        if (NeonDotProduct) flags.Add("dotprod");
        return $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()} {Environment.ProcessorCount} cores [{string.Join(", ", flags)}] kernels {Best}";
    }
}

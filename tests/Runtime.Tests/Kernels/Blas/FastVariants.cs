using EdgeML.Runtime.Cpu;

namespace EdgeML.Runtime.Tests.Kernels.Blas;

/// <summary>The CPU variants with fast kernels that this machine runs (the others are skipped).</summary>
public static class FastVariants
{
    public static TheoryData<CpuVariant> All()
    {
        var data = new TheoryData<CpuVariant>();
        foreach (var v in CpuFeatures.SupportedVariants)
            if (v != CpuVariant.Reference) data.Add(v);
        return data;
    }
}

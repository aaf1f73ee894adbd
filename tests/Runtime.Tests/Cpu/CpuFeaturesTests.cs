using EdgeML.Runtime.Cpu;

namespace EdgeML.Runtime.Tests.Cpu;

public class CpuFeaturesTests
{
    [Fact]
    public void Best_is_supported_and_reference_and_scalar_always_are()
    {
        Assert.True(CpuFeatures.IsSupported(CpuFeatures.Best));
        Assert.Contains(CpuVariant.Reference, CpuFeatures.SupportedVariants);
        Assert.Contains(CpuVariant.Scalar, CpuFeatures.SupportedVariants);
        Assert.Equal(CpuFeatures.Best, CpuFeatures.SupportedVariants[^1]);
    }

    [Fact]
    public void ForceVariant_scopes_nest_and_restore()
    {
        var before = CpuFeatures.Variant;
        using (CpuFeatures.ForceVariant(CpuVariant.Scalar))
        {
            Assert.Equal(CpuVariant.Scalar, CpuFeatures.Variant);
            using (CpuFeatures.ForceVariant(CpuVariant.Reference)) Assert.Equal(CpuVariant.Reference, CpuFeatures.Variant);
            Assert.Equal(CpuVariant.Scalar, CpuFeatures.Variant);
        }
        Assert.Equal(before, CpuFeatures.Variant);
    }

    [Fact]
    public void Forcing_an_unsupported_variant_throws()
    {
        foreach (var v in Enum.GetValues<CpuVariant>())
            if (!CpuFeatures.IsSupported(v)) Assert.Throws<InvalidOperationException>(() => CpuFeatures.ForceVariant(v));
    }
}

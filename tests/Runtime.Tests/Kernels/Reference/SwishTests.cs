using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SwishTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Matches_reference(DataType type)
        => ElementwiseTesting.AssertUnaryMatchesReference(24, "Swish", type, x => x / (1 + Math.Exp(-1.5f * x)), -4, 4, n => n.Attr("alpha", 1.5f),
            rtol: type == DataType.BFloat16 ? 8e-3 : type == DataType.Float16 ? 1e-3 : 1e-6, atol: 1e-6);
}

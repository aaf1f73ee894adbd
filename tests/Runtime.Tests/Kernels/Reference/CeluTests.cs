using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CeluTests
{
    [Theory]
    [InlineData(DataType.Float)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(12, "Celu", [new TestInput(type, [2, 3, 5], -4, 4)], type, n => n.Attr("alpha", 2f), rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Matches_reference(DataType type)
        => ElementwiseTesting.AssertUnaryMatchesReference(12, "Celu", type, x => Math.Max(0, x) + Math.Min(0, 2f * (Math.Exp(x / 2f) - 1)), -4, 4, n => n.Attr("alpha", 2f),
            rtol: type == DataType.BFloat16 ? 8e-3 : type == DataType.Float16 ? 1e-3 : 1e-6, atol: 1e-6);
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class EluTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(22, "Elu", [new TestInput(type, [2, 3, 5], -4, 4)], type, n => n.Attr("alpha", 0.7f), rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.BFloat16)]
    public void Matches_reference(DataType type)
        => ElementwiseTesting.AssertUnaryMatchesReference(22, "Elu", type, x => x >= 0 ? x : 0.7f * (Math.Exp(x) - 1), -4, 4, n => n.Attr("alpha", 0.7f),
            rtol: type == DataType.BFloat16 ? 8e-3 : type == DataType.Float16 ? 1e-3 : 1e-6, atol: 1e-6);
}

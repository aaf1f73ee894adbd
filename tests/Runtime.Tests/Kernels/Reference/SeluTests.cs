using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SeluTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(22, "Selu", [new TestInput(type, [2, 3, 5], -4, 4)], type, n => n.Attr("alpha", 1.5f).Attr("gamma", 0.9f), rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.BFloat16)]
    public void Matches_reference(DataType type)
        => ElementwiseTesting.AssertUnaryMatchesReference(22, "Selu", type, x => x > 0 ? 0.9f * x : 0.9f * (1.5f * Math.Exp(x) - 1.5f), -4, 4, n => n.Attr("alpha", 1.5f).Attr("gamma", 0.9f),
            rtol: type == DataType.BFloat16 ? 8e-3 : type == DataType.Float16 ? 1e-3 : 1e-6, atol: 1e-6);
}

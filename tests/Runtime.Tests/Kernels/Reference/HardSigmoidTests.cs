using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class HardSigmoidTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(22, "HardSigmoid", [new TestInput(type, [2, 3, 5], -4, 4)], type, n => n.Attr("alpha", 0.3f).Attr("beta", 0.4f), rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.BFloat16)]
    public void Matches_reference(DataType type)
        => ElementwiseTesting.AssertUnaryMatchesReference(22, "HardSigmoid", type, x => Math.Clamp(0.3f * x + 0.4f, 0, 1), -4, 4, n => n.Attr("alpha", 0.3f).Attr("beta", 0.4f),
            rtol: type == DataType.BFloat16 ? 8e-3 : type == DataType.Float16 ? 1e-3 : 1e-6, atol: 1e-6);
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SigmoidTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Sigmoid", [new TestInput(type, [2, 3, 5], -8.0, 8.0)], type, rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Matches_double_precision_reference(DataType type)
        => ElementwiseTesting.AssertUnaryMatchesReference(13, "Sigmoid", type, x => 1 / (1 + Math.Exp(-x)), -8.0, 8.0, rtol: type == DataType.BFloat16 ? 8e-3 : type == DataType.Float16 ? 1e-3 : 1e-12, atol: type == DataType.Double ? 1e-15 : 1e-5);
}

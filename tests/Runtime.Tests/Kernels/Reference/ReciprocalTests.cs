using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ReciprocalTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Reciprocal", [new TestInput(type, [2, 3, 5], 0.1, 3.0)], type, rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.BFloat16)]
    public void Matches_double_precision_reference(DataType type)
        => ElementwiseTesting.AssertUnaryMatchesReference(13, "Reciprocal", type, x => 1 / x, 0.1, 3.0, rtol: type == DataType.BFloat16 ? 8e-3 : type == DataType.Float16 ? 1e-3 : 1e-12, atol: type == DataType.Double ? 1e-15 : 1e-5);
}

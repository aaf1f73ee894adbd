using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MulTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    public void Broadcasting_matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(14, "Mul", [new TestInput(type, [2, 1, 4], -50, 50), new TestInput(type, [3, 1], -50, 50)], type,
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(14, "Mul", new TestInput(DataType.BFloat16, [2, 3]), new TestInput(DataType.BFloat16, [3]), (a, b) => a * b, rtol: 8e-3);
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ReluTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int32)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(14, "Relu", [new TestInput(type, [2, 3, 4], -100, 100)], type);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertUnaryMatchesReference(14, "Relu", DataType.BFloat16, x => Math.Max(x, 0));
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class NegTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Neg", [new TestInput(type, [2, 3, 4], -100, 100)], type);
}

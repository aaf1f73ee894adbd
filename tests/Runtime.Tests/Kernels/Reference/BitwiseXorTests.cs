using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class BitwiseXorTests
{
    [Theory]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int16)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt16)]
    [InlineData(DataType.UInt32)]
    public void Broadcasting_matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(18, "BitwiseXor", [new TestInput(type, [2, 3, 4], -1000, 1000), new TestInput(type, [4], -1000, 1000)], type);
}

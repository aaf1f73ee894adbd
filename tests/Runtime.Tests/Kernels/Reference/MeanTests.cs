using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MeanTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Float16)]
    public void Three_broadcast_inputs_match_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Mean", [new TestInput(type, [3, 1], -50, 50), new TestInput(type, [2, 1, 4], -50, 50), new TestInput(type, [4], -50, 50)], type,
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Fact]
    public void One_input_is_copied()
        => ElementwiseTesting.AssertMatchesOrt(13, "Mean", [new TestInput(DataType.Float, [2, 5])], DataType.Float);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(13, "Mean", new TestInput(DataType.BFloat16, [2, 3]), new TestInput(DataType.BFloat16, [3]), (a, b) => (a + b) / 2, rtol: 8e-3);
}

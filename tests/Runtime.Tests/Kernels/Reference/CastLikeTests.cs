using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CastLikeTests
{
    [Theory]
    [InlineData(DataType.Float, DataType.Int32)]
    [InlineData(DataType.Int64, DataType.Float)]
    [InlineData(DataType.Double, DataType.Float16)]
    [InlineData(DataType.Float, DataType.Bool)]
    [InlineData(DataType.Int32, DataType.Float)]
    public void Casts_to_the_second_inputs_type_like_onnx_runtime(DataType from, DataType to)
        => ElementwiseTesting.AssertMatchesOrt(15, "CastLike", [new TestInput(from, [4, 5], -100, 100), new TestInput(to, [1])], to, rtol: 0, atol: 0);
}

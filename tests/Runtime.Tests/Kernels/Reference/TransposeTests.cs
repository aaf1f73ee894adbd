using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class TransposeTests
{
    [Theory]
    [InlineData(DataType.String)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Bool)]
    [InlineData(DataType.Double)]
    public void Permutes_any_type(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [2, 3, 4, 5])).Out("y", type).Check("Transpose", n => n.Attr("perm", new long[] { 2, 0, 3, 1 }));

    [Fact]
    public void Default_reverses_a_rank_5_tensor()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Int64, [2, 1, 3, 2, 4])).Out("y", DataType.Int64).Check("Transpose");
}

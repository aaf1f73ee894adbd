using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ExpandTests
{
    [Theory]
    [InlineData(DataType.Bool)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.String)]
    public void Broadcasts_both_ways(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [3, 1, 2])).In(TensorData.Int64s("shape", 2, 1, 4, 1)).Out("y", type).Check("Expand");
}

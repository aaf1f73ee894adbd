using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class TileTests
{
    [Theory]
    [InlineData(DataType.String)]
    [InlineData(DataType.Bool)]
    [InlineData(DataType.Int64)]
    public void Repeats_any_type(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [2, 3])).In(TensorData.Int64s("repeats", 3, 2)).Out("y", type).Check("Tile");

    [Fact]
    public void Zero_repeats_give_an_empty_output()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [2, 3])).In(TensorData.Int64s("repeats", 0, 2)).Out("y", DataType.Float).Check("Tile");
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SizeTests
{
    [Theory]
    [InlineData(DataType.Bool)]
    [InlineData(DataType.String)]
    [InlineData(DataType.Float16)]
    public void Counts_elements_of_any_type(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [2, 3, 3])).Out("y", DataType.Int64).Check("Size");

    [Fact]
    public void Empty_tensor_has_size_zero()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [2, 0, 3])).Out("y", DataType.Int64).Check("Size");
}

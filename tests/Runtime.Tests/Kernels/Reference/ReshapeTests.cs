using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ReshapeTests
{
    [Fact]
    public void Allowzero_makes_an_empty_dimension()
        => new TensorOpCase(14).In(TensorData.Random("x", DataType.Float, [0, 3, 4])).In(TensorData.Int64s("shape", 3, 0, 4)).Out("y", DataType.Float)
            .Check("Reshape", n => n.Attr("allowzero", 1L));

    [Theory]
    [InlineData(DataType.String)]
    [InlineData(DataType.Bool)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Float16)]
    public void Zero_copies_and_minus_one_infers_for_any_type(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [2, 3, 4])).In(TensorData.Int64s("shape", 0, -1, 2)).Out("y", type).Check("Reshape");

    [Fact]
    public void Opset_5_int64_shape()
        => new TensorOpCase(5).In(TensorData.Random("x", DataType.Double, [6, 2])).In(TensorData.Int64s("shape", -1)).Out("y", DataType.Double).Check("Reshape");
}

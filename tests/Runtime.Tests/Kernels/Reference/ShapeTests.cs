using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ShapeTests
{
    [Theory]
    [InlineData(-3L, -1L)]
    [InlineData(1L, 100L)]
    [InlineData(-100L, 2L)]
    public void String_input_with_start_and_end(long start, long end)
        => new TensorOpCase(15).In(TensorData.Random("x", DataType.String, [2, 3, 4, 5])).Out("y", DataType.Int64)
            .Check("Shape", n => n.Attr("start", start).Attr("end", end));

    [Fact]
    public void Opset_1_whole_shape_of_bool()
        => new TensorOpCase(1).In(TensorData.Random("x", DataType.Bool, [3, 1, 2])).Out("y", DataType.Int64).Check("Shape");
}

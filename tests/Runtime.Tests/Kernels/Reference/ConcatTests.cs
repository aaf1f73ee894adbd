using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ConcatTests
{
    [Theory]
    [InlineData(DataType.String)]
    [InlineData(DataType.Bool)]
    [InlineData(DataType.Float16)]
    public void Joins_any_type_with_an_empty_input(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("a", type, [2, 3, 2], 1)).In(TensorData.Random("b", type, [2, 0, 2], 2)).In(TensorData.Random("c", type, [2, 4, 2], 3))
            .Out("y", type).Check("Concat", n => n.Attr("axis", -2L));
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class FlattenTests
{
    [Theory]
    [InlineData(DataType.String, 0L)]
    [InlineData(DataType.Float16, -1L)]
    [InlineData(DataType.Bool, 3L)]
    public void Any_type_and_axis(DataType type, long axis)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [2, 3, 4])).Out("y", type).Check("Flatten", n => n.Attr("axis", axis));
}

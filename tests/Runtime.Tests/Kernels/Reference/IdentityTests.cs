using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class IdentityTests
{
    [Theory]
    [InlineData(DataType.String)]
    [InlineData(DataType.Bool)]
    [InlineData(DataType.Float16)]
    public void Copies_any_type(DataType type)
        => new TensorOpCase(21).In(TensorData.Random("x", type, [2, 3])).Out("y", type).Check("Identity");
}

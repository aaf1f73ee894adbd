using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ConstantOfShapeTests
{
    [Fact]
    public void Int8_value()
        => new TensorOpCase(9).In(TensorData.Int64s("shape", 2, 3)).Out("y", DataType.Int8)
            .Check("ConstantOfShape", n => n.Attr("value", ConstantTensor.From<sbyte>(DataType.Int8, [1], [(sbyte)-5])));

    [Fact]
    public void Default_is_float_zero_and_empty_shape_is_a_scalar()
        => new TensorOpCase(9).In(TensorData.Int64s("shape")).Out("y", DataType.Float).Check("ConstantOfShape");
}

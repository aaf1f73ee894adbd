using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SqueezeTests
{
    [Fact]
    public void Opset_11_axes_attribute()
        => new TensorOpCase(11).In(TensorData.Random("x", DataType.Int64, [1, 3, 1, 2])).Out("y", DataType.Int64)
            .Check("Squeeze", n => n.Attr("axes", new long[] { -2, 0 }));

    [Fact]
    public void Opset_13_without_axes_removes_every_one()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [1, 3, 1, 2, 1])).Out("y", DataType.String).Check("Squeeze");

    [Fact]
    public void Opset_13_axes_input()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Bool, [1, 3, 1])).In(TensorData.Int64s("axes", 2)).Out("y", DataType.Bool).Check("Squeeze");

    [Fact]
    public void Empty_axes_input_removes_every_one()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [1, 3, 1])).In(TensorData.Int64s("axes")).Out("y", DataType.Float).Check("Squeeze");
}

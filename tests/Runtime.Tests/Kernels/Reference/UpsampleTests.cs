using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class UpsampleTests
{
    [Fact]
    public void Opset_7_linear_scales_attribute()
        => new TensorOpCase(7).In(TensorData.Random("x", DataType.Float, [1, 2, 3, 4])).Out("y", DataType.Float)
            .Check("Upsample", n => n.Attr("mode", "linear").Attr("scales", new float[] { 1, 1, 2, 1.5f }));

    [Fact]
    public void Opset_9_nearest_on_int32()
        => new TensorOpCase(9).In(TensorData.Random("x", DataType.Int32, [2, 3])).In(TensorData.Floats("scales", [2], 3, 2)).Out("y", DataType.Int32).Check("Upsample");
}

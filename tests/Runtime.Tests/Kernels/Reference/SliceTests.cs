using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SliceTests
{
    [Fact]
    public void Opset_1_attributes()
        => new TensorOpCase(1).In(TensorData.Random("x", DataType.Float, [5, 6, 7])).Out("y", DataType.Float)
            .Check("Slice", n => n.Attr("starts", new long[] { 1, -100 }).Attr("ends", new long[] { 1000, -2 }).Attr("axes", new long[] { 0, 2 }));

    [Fact]
    public void Negative_steps_on_several_axes_of_strings()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [5, 6, 7]))
            .In(TensorData.Int64s("starts", -1, 100, 1)).In(TensorData.Int64s("ends", -100, 0, 7)).In(TensorData.Int64s("axes", -1, 0, 1)).In(TensorData.Int64s("steps", -2, -3, 2))
            .Out("y", DataType.String).Check("Slice");

    [Fact]
    public void Int32_inputs_and_empty_result()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Int64, [4, 4])).In(TensorData.Int32s("starts", 3)).In(TensorData.Int32s("ends", 1))
            .Out("y", DataType.Int64).Check("Slice");
}

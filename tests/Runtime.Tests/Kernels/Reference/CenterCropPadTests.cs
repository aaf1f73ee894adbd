using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CenterCropPadTests
{
    [Fact]
    public void Odd_crop_and_pad_on_int32()
        => new TensorOpCase(18).In(TensorData.Random("x", DataType.Int32, [5, 4, 3])).In(TensorData.Int64s("shape", 2, 7, 3)).Out("y", DataType.Int32).Check("CenterCropPad");

    [Fact]
    public void Listed_axes_only()
        => new TensorOpCase(18).In(TensorData.Random("x", DataType.Float, [3, 6, 5])).In(TensorData.Int64s("shape", 8, 1)).Out("y", DataType.Float)
            .Check("CenterCropPad", n => n.Attr("axes", new long[] { -1, 1 }));
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class UnsqueezeTests
{
    [Fact]
    public void Opset_11_axes_attribute()
        => new TensorOpCase(11).In(TensorData.Random("x", DataType.Float16, [3, 2])).Out("y", DataType.Float16)
            .Check("Unsqueeze", n => n.Attr("axes", new long[] { -1, 0, 2 }));

    [Fact]
    public void Opset_13_axes_input_on_strings_and_scalars()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [])).In(TensorData.Int64s("axes", 1, 0)).Out("y", DataType.String).Check("Unsqueeze");
}

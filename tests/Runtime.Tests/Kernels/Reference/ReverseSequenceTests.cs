using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ReverseSequenceTests
{
    [Fact]
    public void Batch_axis_0_on_a_4d_int32_tensor()
        => new TensorOpCase(10).In(TensorData.Random("x", DataType.Int32, [3, 5, 2, 2])).In(TensorData.Int64s("lens", 5, 0, 3)).Out("y", DataType.Int32)
            .Check("ReverseSequence", n => n.Attr("batch_axis", 0L).Attr("time_axis", 1L));

    [Fact]
    public void Strings_time_major()
        => new TensorOpCase(10).In(TensorData.Random("x", DataType.String, [4, 2])).In(TensorData.Int64s("lens", 2, 4)).Out("y", DataType.String).Check("ReverseSequence");
}

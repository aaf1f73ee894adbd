using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class TensorScatterTests
{
    [Fact]
    public void Circular_wraps_past_the_end()
        => new TensorOpCase(24).In(TensorData.Random("past", DataType.Float16, [2, 3, 5, 2], 1)).In(TensorData.Random("update", DataType.Float16, [2, 3, 3, 2], 2))
            .In(TensorData.Int64s("w", 4, 1)).Out("y", DataType.Float16).Check("TensorScatter", n => n.Attr("mode", "circular"));

    [Fact]
    public void Linear_on_axis_1_without_write_indices()
        => new TensorOpCase(24).In(TensorData.Random("past", DataType.Int64, [2, 6, 3], 1)).In(TensorData.Random("update", DataType.Int64, [2, 2, 3], 2))
            .Out("y", DataType.Int64).Check("TensorScatter", n => n.Attr("axis", 1L));
}

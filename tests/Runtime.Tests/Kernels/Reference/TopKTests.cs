using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class TopKTests
{
    [Theory]
    [InlineData(DataType.Int32, 1L)]
    [InlineData(DataType.Int32, 0L)]
    [InlineData(DataType.Float16, 0L)]
    [InlineData(DataType.Double, 1L)]
    [InlineData(DataType.Int64, 0L)]
    public void Ties_keep_the_lower_index_first(DataType type, long largest)
        => new TensorOpCase(11).In(TensorData.SmallInts("x", type, [3, 7, 2], 4)).In(TensorData.Int64s("k", 5)).Out("v", type).Out("i", DataType.Int64)
            .Check("TopK", n => n.Attr("axis", 1L).Attr("largest", largest));

    [Fact]
    public void Opset_1_k_attribute()
        => new TensorOpCase(1).In(TensorData.Random("x", DataType.Float, [4, 6])).Out("v", DataType.Float).Out("i", DataType.Int64).Check("TopK", n => n.Attr("k", 3L));

    [Fact]
    public void Opset_10_k_input_on_axis_0()
        => new TensorOpCase(10).In(TensorData.Random("x", DataType.Float, [6, 3])).In(TensorData.Int64s("k", 6)).Out("v", DataType.Float).Out("i", DataType.Int64)
            .Check("TopK", n => n.Attr("axis", 0L));
}

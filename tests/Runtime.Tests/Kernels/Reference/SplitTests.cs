using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SplitTests
{
    [Fact]
    public void Opset_18_num_outputs_uneven()
        => new TensorOpCase(18).In(TensorData.Random("x", DataType.String, [2, 7])).Out("a", DataType.String).Out("b", DataType.String).Out("c", DataType.String)
            .Check("Split", n => n.Attr("axis", 1L).Attr("num_outputs", 3L));

    [Fact]
    public void Opset_11_split_attribute()
        => new TensorOpCase(11).In(TensorData.Random("x", DataType.Int32, [6, 2])).Out("a", DataType.Int32).Out("b", DataType.Int32)
            .Check("Split", n => n.Attr("split", new long[] { 1, 5 }));

    [Fact]
    public void Opset_13_split_input_with_empty_part()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float16, [3, 5])).In(TensorData.Int64s("split", 2, 0, 3)).Out("a", DataType.Float16).Out("b", DataType.Float16).Out("c", DataType.Float16)
            .Check("Split", n => n.Attr("axis", -1L));

    [Fact]
    public void Opset_13_empty_split_input_means_equal_parts()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [4, 2])).In(TensorData.Int64s("split")).Out("a", DataType.Float).Out("b", DataType.Float).Check("Split");
}

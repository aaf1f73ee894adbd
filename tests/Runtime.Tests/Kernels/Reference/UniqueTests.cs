using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class UniqueTests
{
    [Theory]
    [InlineData(DataType.Int64, 1L)]
    [InlineData(DataType.Int64, 0L)]
    [InlineData(DataType.Float, 1L)]
    [InlineData(DataType.String, 0L)]
    [InlineData(DataType.String, 1L)]
    [InlineData(DataType.Int8, 0L)]
    public void Flattened_with_all_outputs(DataType type, long sorted)
        => new TensorOpCase(11).In(TensorData.SmallInts("x", type, [4, 5], 6)).Out("y", type).Out("first", DataType.Int64).Out("inverse", DataType.Int64).Out("counts", DataType.Int64)
            .Check("Unique", n => n.Attr("sorted", sorted));

    [Theory]
    [InlineData(1L)]
    [InlineData(0L)]
    public void Slices_along_axis_1_unsorted_and_sorted(long sorted)
        => new TensorOpCase(11).In(TensorData.SmallInts("x", DataType.Float, [2, 9, 1], 2)).Out("y", DataType.Float).Out("first", DataType.Int64).Out("inverse", DataType.Int64).Out("counts", DataType.Int64)
            .Check("Unique", n => n.Attr("sorted", sorted).Attr("axis", 1L));
}

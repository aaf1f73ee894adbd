using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GatherTests
{
    [Fact]
    public void Int32_negative_indices_on_strings_last_axis()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [3, 4])).In(OpTester.Make<int>("i", DataType.Int32, [2, 2], -1, 0, 3, -4))
            .Out("y", DataType.String).Check("Gather", n => n.Attr("axis", 1L));

    [Fact]
    public void String_rows_are_copied_whole()
    {
        // ONNX Runtime 1.31 copies only the first string of each gathered block, so this is checked against known values.
        var x = new Tensor("x");
        x.Allocate(DataType.String, [3, 2]);
        string[] values = ["a0", "a1", "b0", "b1", "c0", "c1"];
        values.CopyTo(x.Strings);
        var y = new TensorOpCase(13).In(x).In(TensorData.Int64s("i", -1, 0, 2)).Out("y", DataType.String).RunEdgeML("Gather")[0];
        Assert.Equal(["c0", "c1", "a0", "a1", "c0", "c1"], y.Strings.ToArray());
    }

    [Fact]
    public void Int32_negative_indices_on_float16()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float16, [3, 4, 2])).In(OpTester.Make<int>("i", DataType.Int32, [2, 2], -1, 0, 3, -4))
            .Out("y", DataType.Float16).Check("Gather", n => n.Attr("axis", 1L));

    [Fact]
    public void Scalar_index_removes_the_axis()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float16, [3, 4])).In(TensorData.ScalarInt64("i", 2)).Out("y", DataType.Float16).Check("Gather");
}

using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ScatterElementsTests
{
    [Theory]
    [InlineData("add")]
    [InlineData("mul")]
    [InlineData("max")]
    [InlineData("min")]
    public void Reductions_with_duplicates_on_int32(string reduction)
        => new TensorOpCase(18).In(TensorData.SmallInts("x", DataType.Int32, [3, 4], 9, 1)).In(OpTester.Make<long>("i", DataType.Int64, [2, 4], 0, 2, 2, -1, 0, 2, 1, -3))
            .In(TensorData.SmallInts("u", DataType.Int32, [2, 4], 9, 2)).Out("y", DataType.Int32).Check("ScatterElements", n => n.Attr("reduction", reduction));

    [Fact]
    public void Strings_without_reduction()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [2, 3], 1)).In(OpTester.Make<int>("i", DataType.Int32, [2, 2], 2, 0, 1, 2))
            .In(TensorData.Random("u", DataType.String, [2, 2], 2)).Out("y", DataType.String).Check("ScatterElements", n => n.Attr("axis", 1L));
}

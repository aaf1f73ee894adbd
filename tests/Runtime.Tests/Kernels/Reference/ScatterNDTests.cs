using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ScatterNDTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("add")]
    [InlineData("min")]
    public void Slices_of_double(string reduction)
        => new TensorOpCase(18).In(TensorData.Random("x", DataType.Double, [4, 3, 2], 1)).In(OpTester.Make<long>("i", DataType.Int64, [2, 1], 3, -4))
            .In(TensorData.Random("u", DataType.Double, [2, 3, 2], 2)).Out("y", DataType.Double).Check("ScatterND", n => n.Attr("reduction", reduction));

    [Fact]
    public void Element_tuples_on_strings()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [2, 3], 1)).In(OpTester.Make<long>("i", DataType.Int64, [2, 2], 1, 2, 0, 1))
            .In(TensorData.Random("u", DataType.String, [2], 2)).Out("y", DataType.String).Check("ScatterND");
}

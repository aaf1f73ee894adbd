using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GatherElementsTests
{
    [Fact]
    public void Int32_indices_on_strings_with_a_smaller_index_shape()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [3, 4])).In(OpTester.Make<int>("i", DataType.Int32, [2, 3], 3, -1, 0, -4, 2, 1))
            .Out("y", DataType.String).Check("GatherElements", n => n.Attr("axis", -1L));
}

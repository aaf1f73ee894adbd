using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CompressTests
{
    [Fact]
    public void Strings_along_axis_1_with_a_short_condition()
        => new TensorOpCase(11).In(TensorData.Random("x", DataType.String, [2, 5, 2])).In(OpTester.Make<byte>("c", DataType.Bool, [3], 1, 0, 1))
            .Out("y", DataType.String).Check("Compress", n => n.Attr("axis", 1L));

    [Fact]
    public void Flattened_int32()
        => new TensorOpCase(11).In(TensorData.Random("x", DataType.Int32, [2, 3])).In(OpTester.Make<byte>("c", DataType.Bool, [6], 0, 1, 1, 0, 0, 1))
            .Out("y", DataType.Int32).Check("Compress");
}

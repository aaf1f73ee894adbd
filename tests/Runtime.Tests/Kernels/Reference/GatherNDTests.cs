using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GatherNDTests
{
    [Fact]
    public void Two_batch_dims()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [2, 3, 4, 5]))
            .In(OpTester.Make<long>("i", DataType.Int64, [2, 3, 2, 1], 0, 3, 1, -1, 2, 2, 3, 0, 1, 1, 0, -2))
            .Out("y", DataType.Float).Check("GatherND", n => n.Attr("batch_dims", 2L));

    [Fact]
    public void Full_tuples_pick_elements_of_strings()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.String, [2, 3]))
            .In(OpTester.Make<long>("i", DataType.Int64, [3, 2], 1, 2, 0, 0, -1, -3)).Out("y", DataType.String).Check("GatherND");
}

using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ScatterTests
{
    [Fact]
    public void Opset_9_axis_1()
        => new TensorOpCase(9).In(TensorData.Random("x", DataType.Float, [3, 4], 1)).In(OpTester.Make<long>("i", DataType.Int64, [3, 2], 0, 3, 1, 2, 3, 0))
            .In(TensorData.Random("u", DataType.Float, [3, 2], 2)).Out("y", DataType.Float).Check("Scatter", n => n.Attr("axis", 1L));
}

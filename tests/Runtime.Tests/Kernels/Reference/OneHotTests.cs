using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class OneHotTests
{
    [Fact]
    public void Int64_indices_depth_and_values_axis_0()
        => new TensorOpCase(11).In(OpTester.Make<long>("i", DataType.Int64, [2, 3], 0, -1, 4, 7, -5, 2)).In(OpTester.Make<long>("d", DataType.Int64, [], 5))
            .In(OpTester.Make<long>("v", DataType.Int64, [2], -3, 9)).Out("y", DataType.Int64).Check("OneHot", n => n.Attr("axis", 0L));

    [Fact]
    public void Int32_indices_float_depth_and_values()
        => new TensorOpCase(11).In(OpTester.Make<int>("i", DataType.Int32, [4], 1, -2, 3, 9)).In(OpTester.Make<float>("d", DataType.Float, [], 4f))
            .In(OpTester.Make<float>("v", DataType.Float, [2], 0.5f, 2f)).Out("y", DataType.Float).Check("OneHot");
}

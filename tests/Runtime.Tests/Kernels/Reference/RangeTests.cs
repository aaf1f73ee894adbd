using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RangeTests
{
    [Fact]
    public void Int64()
        => new TensorOpCase(11).In(OpTester.Make<long>("s", DataType.Int64, [], 10)).In(OpTester.Make<long>("l", DataType.Int64, [], -7)).In(OpTester.Make<long>("d", DataType.Int64, [], -3))
            .Out("y", DataType.Int64).Check("Range");

    [Fact]
    public void Double_fraction()
        => new TensorOpCase(11).In(OpTester.Make<double>("s", DataType.Double, [], 0.5)).In(OpTester.Make<double>("l", DataType.Double, [], 3.3)).In(OpTester.Make<double>("d", DataType.Double, [], 0.4))
            .Out("y", DataType.Double).Check("Range");

    [Fact]
    public void Empty_when_delta_points_away()
        => new TensorOpCase(11).In(OpTester.Make<float>("s", DataType.Float, [], 1f)).In(OpTester.Make<float>("l", DataType.Float, [], 5f)).In(OpTester.Make<float>("d", DataType.Float, [], -1f))
            .Out("y", DataType.Float).Check("Range");
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class NonZeroTests
{
    [Theory]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Float)]
    [InlineData(DataType.UInt8)]
    public void Coordinates_in_row_major_order(DataType type)
        => new TensorOpCase(13).In(TensorData.SmallInts("x", type, [2, 3, 4], 3)).Out("y", DataType.Int64).Check("NonZero");

    [Fact]
    public void Bool_input()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Bool, [5, 2])).Out("y", DataType.Int64).Check("NonZero");

    [Fact]
    public void Scalar_input()
        => new TensorOpCase(13).In(EdgeML.TestSupport.OpTester.Make<float>("x", DataType.Float, [], 2f)).Out("y", DataType.Int64).Check("NonZero");
}

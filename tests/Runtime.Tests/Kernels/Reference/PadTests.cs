using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class PadTests
{
    [Theory]
    [InlineData("constant")]
    [InlineData("reflect")]
    [InlineData("edge")]
    [InlineData("wrap")]
    public void Mixed_positive_and_negative_pads(string mode)
        => new TensorOpCase(19).In(TensorData.Random("x", DataType.Float, [4, 5])).In(TensorData.Int64s("pads", 2, -1, -1, 3)).Out("y", DataType.Float)
            .Check("Pad", n => n.Attr("mode", mode));

    [Fact]
    public void Opset_18_axes_and_int32_constant()
        => new TensorOpCase(18).In(TensorData.Random("x", DataType.Int32, [2, 3, 4])).In(TensorData.Int64s("pads", 1, 2, 0, 1))
            .In(OpTester.Make<int>("value", DataType.Int32, [], 7)).In(TensorData.Int64s("axes", -1, 0)).Out("y", DataType.Int32).Check("Pad");

    [Fact]
    public void Opset_2_attributes()
        => new TensorOpCase(2).In(TensorData.Random("x", DataType.Float, [3, 3])).Out("y", DataType.Float)
            .Check("Pad", n => n.Attr("pads", new long[] { 1, 0, 0, 2 }).Attr("value", 1.5f));

    [Theory]
    [InlineData("reflect")]
    [InlineData("edge")]
    public void Opset_11_modes_on_int64(string mode)
        => new TensorOpCase(11).In(TensorData.Random("x", DataType.Int64, [3, 4])).In(TensorData.Int64s("pads", 2, 3, 2, 3)).Out("y", DataType.Int64)
            .Check("Pad", n => n.Attr("mode", mode));
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class AffineGridTests
{
    [Fact]
    public void Two_d_with_a_size_one_axis()
        => new TensorOpCase(20).In(TensorData.Random("theta", DataType.Float, [2, 2, 3])).In(TensorData.Int64s("size", 2, 3, 1, 5)).Out("y", DataType.Float).Check("AffineGrid");

    [Fact]
    public void Two_d_align_corners()
        => new TensorOpCase(20).In(TensorData.Random("theta", DataType.Float, [2, 2, 3])).In(TensorData.Int64s("size", 2, 3, 4, 5)).Out("y", DataType.Float)
            .Check("AffineGrid", n => n.Attr("align_corners", 1L));

    [Fact]
    public void Three_d_double()
        => new TensorOpCase(20).In(TensorData.Random("theta", DataType.Double, [1, 3, 4])).In(TensorData.Int64s("size", 1, 1, 2, 3, 4)).Out("y", DataType.Double).Check("AffineGrid");
}

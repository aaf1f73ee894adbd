using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GridSampleTests
{
    private static Tensor Grid(long[] shape) => Scaled(TensorData.Random("grid", DataType.Float, shape, 7), 1.4f);

    private static Tensor Scaled(Tensor t, float f)
    {
        foreach (ref var v in t.Span<float>()) v *= f;
        return t;
    }

    [Theory]
    [InlineData("bilinear", "zeros", 0L)]
    [InlineData("bicubic", "border", 0L)]
    [InlineData("bicubic", "reflection", 1L)]
    [InlineData("nearest", "reflection", 0L)]
    [InlineData("bilinear", "reflection", 1L)]
    public void Opset_16_2d(string mode, string padding, long alignCorners)
        => new TensorOpCase(16).In(TensorData.Random("x", DataType.Float, [2, 3, 4, 5])).In(Grid([2, 3, 6, 2])).Out("y", DataType.Float)
            .Check("GridSample", n => n.Attr("mode", mode).Attr("padding_mode", padding).Attr("align_corners", alignCorners));

    [Theory]
    [InlineData("linear", "reflection", 0L)]
    [InlineData("nearest", "border", 1L)]
    [InlineData("linear", "zeros", 1L)]
    public void Opset_20_3d(string mode, string padding, long alignCorners)
        => new TensorOpCase(20).In(TensorData.Random("x", DataType.Float, [1, 2, 3, 4, 5])).In(Grid([1, 2, 3, 4, 3])).Out("y", DataType.Float)
            .Check("GridSample", n => n.Attr("mode", mode).Attr("padding_mode", padding).Attr("align_corners", alignCorners));
}

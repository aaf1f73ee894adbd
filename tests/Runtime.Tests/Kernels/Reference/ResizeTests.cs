using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ResizeTests
{
    private static Tensor Scales(params float[] s) => TensorData.Floats("scales", [s.Length], s);

    [Theory]
    [InlineData("nearest")]
    [InlineData("linear")]
    public void Opset_10_scales(string mode)
        => new TensorOpCase(10).In(TensorData.Random("x", DataType.Float, [1, 2, 3, 4])).In(Scales(1, 1, 2.5f, 0.5f)).Out("y", DataType.Float)
            .Check("Resize", n => n.Attr("mode", mode));

    [Theory]
    [InlineData("linear", "pytorch_half_pixel")]
    [InlineData("cubic", "asymmetric")]
    [InlineData("cubic", "pytorch_half_pixel")]
    public void Opset_13_transforms(string mode, string transform)
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [2, 1, 5, 6])).Skip().In(Scales(1, 1, 0.6f, 1.7f)).Out("y", DataType.Float)
            .Check("Resize", n => n.Attr("mode", mode).Attr("coordinate_transformation_mode", transform));

    [Fact]
    public void Align_corners_with_sizes()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [1, 1, 5, 6])).Skip().Skip().In(TensorData.Int64s("sizes", 1, 1, 3, 10)).Out("y", DataType.Float)
            .Check("Resize", n => n.Attr("mode", "linear").Attr("coordinate_transformation_mode", "align_corners"));

    [Fact]
    public void Tf_half_pixel_for_nearest_matches_the_spec()
    {
        // ONNX Runtime 1.31 no longer accepts this mode; x_original = (x + 0.5) / 2 = 0.25, 0.75, 1.25, ...
        // rounded half down and clamped to the last pixel.
        var y = new TensorOpCase(11).In(TensorData.Floats("x", [1, 4], 1, 2, 3, 4)).Skip().In(Scales(1, 2)).Out("y", DataType.Float)
            .RunEdgeML("Resize", n => n.Attr("mode", "nearest").Attr("coordinate_transformation_mode", "tf_half_pixel_for_nearest"))[0];
        Assert.Equal([1f, 2, 2, 3, 3, 4, 4, 4], y.ReadOnlySpan<float>().ToArray());
    }

    [Fact]
    public void Opset_18_cubic_antialias_sizes_not_smaller()
        => new TensorOpCase(18).In(TensorData.Random("x", DataType.Float, [1, 2, 9, 8])).Skip().Skip().In(TensorData.Int64s("sizes", 4, 3)).Out("y", DataType.Float)
            .Check("Resize", n => n.Attr("mode", "cubic").Attr("antialias", 1L).Attr("axes", new long[] { 2, 3 }).Attr("keep_aspect_ratio_policy", "not_smaller"));

    [Fact]
    public void Opset_18_linear_antialias_downscale()
        => new TensorOpCase(18).In(TensorData.Random("x", DataType.Float, [1, 1, 10, 7])).Skip().In(Scales(0.3f, 0.45f)).Out("y", DataType.Float)
            .Check("Resize", n => n.Attr("mode", "linear").Attr("antialias", 1L).Attr("axes", new long[] { -2, -1 }));

    [Fact]
    public void Opset_19_half_pixel_symmetric_linear()
        => new TensorOpCase(19).In(TensorData.Random("x", DataType.Float, [1, 1, 4, 5])).Skip().In(Scales(1, 1, 1.3f, 0.7f)).Out("y", DataType.Float)
            .Check("Resize", n => n.Attr("mode", "linear").Attr("coordinate_transformation_mode", "half_pixel_symmetric"));

    [Fact]
    public void Trilinear_5d()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [1, 2, 3, 4, 5])).Skip().In(Scales(1, 1, 2, 0.5f, 1.5f)).Out("y", DataType.Float)
            .Check("Resize", n => n.Attr("mode", "linear"));

    [Theory]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.Int32)]
    public void Nearest_on_integers_with_sizes(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [1, 2, 3, 3])).Skip().Skip().In(TensorData.Int64s("sizes", 1, 2, 7, 2)).Out("y", type)
            .Check("Resize", n => n.Attr("mode", "nearest").Attr("nearest_mode", "round_prefer_ceil").Attr("coordinate_transformation_mode", "asymmetric"));

    [Fact]
    public void Tf_crop_and_resize_linear_with_extrapolation()
        => new TensorOpCase(13).In(TensorData.Random("x", DataType.Float, [1, 1, 5, 5])).In(TensorData.Floats("roi", [8], 0, 0, -0.2f, 0.3f, 1, 1, 0.8f, 1.4f)).In(Scales(1, 1, 1.2f, 0.8f))
            .Out("y", DataType.Float).Check("Resize", n => n.Attr("mode", "linear").Attr("coordinate_transformation_mode", "tf_crop_and_resize").Attr("extrapolation_value", -3f));

    [Theory]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.Int8)]
    public void Linear_on_8_bit_integers(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [1, 1, 4, 5])).Skip().In(Scales(1, 1, 1.6f, 0.8f)).Out("y", type)
            .Check("Resize", n => n.Attr("mode", "linear"));
}

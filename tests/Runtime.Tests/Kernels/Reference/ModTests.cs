using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ModTests
{
    [Theory]
    [InlineData(DataType.Int8, 0L)]
    [InlineData(DataType.Int32, 0L)]
    [InlineData(DataType.Int64, 1L)]
    [InlineData(DataType.Int16, 1L)]
    public void Integers_match_onnx_runtime(DataType type, long fmod)
        => ElementwiseTesting.AssertMatchesOrt(13, "Mod", [new TestInput(type, [3, 4], -50, 50), new TestInput(type, [4], 1, 9)], type, n => n.Attr("fmod", fmod));

    [Fact]
    public void Sign_follows_the_divisor_or_with_fmod_the_dividend()
    {
        var inputs = new[] { new TestInput(DataType.Int32, [4]), new TestInput(DataType.Int32, [4]) };
        Dictionary<string, Tensor> Values() => new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Int32, [4], -7, 7, -7, int.MinValue),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Int32, [4], 3, -3, -3, -1),
        };
        Assert.Equal([2, -2, -1, 0], ElementwiseTesting.Run(13, "Mod", inputs, DataType.Int32, Values()).ReadOnlySpan<int>().ToArray());
        Assert.Equal([-1, 1, -1, 0], ElementwiseTesting.Run(13, "Mod", inputs, DataType.Int32, Values(), n => n.Attr("fmod", 1L)).ReadOnlySpan<int>().ToArray());
    }

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Floating_point_fmod_matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Mod", [new TestInput(type, [3, 4], -10, 10), new TestInput(type, [3, 1], 0.5, 4)], type, n => n.Attr("fmod", 1L),
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Fact]
    public void Floating_point_without_fmod_is_an_error()
    {
        var inputs = new[] { new TestInput(DataType.Float, [1]), new TestInput(DataType.Float, [1]) };
        var e = Assert.Throws<EdgeMLException>(() => ElementwiseTesting.Run(13, "Mod", inputs, DataType.Float,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [1], 1f), ["x1"] = ElementwiseTesting.Make("x1", DataType.Float, [1], 2f) }));
        Assert.Contains("fmod must be 1", e.Message);
    }

    [Fact]
    public void Integer_modulo_by_zero_gives_zero_as_in_numpy()
    {
        var inputs = new[] { new TestInput(DataType.UInt8, [2]), new TestInput(DataType.UInt8, [2]) };
        var y = ElementwiseTesting.Run(13, "Mod", inputs, DataType.UInt8,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.UInt8, [2], (byte)7, (byte)7), ["x1"] = ElementwiseTesting.Make("x1", DataType.UInt8, [2], (byte)0, (byte)4) });
        Assert.Equal(new byte[] { 0, 3 }, y.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(13, "Mod", new TestInput(DataType.BFloat16, [2, 3], -8, 8), new TestInput(DataType.BFloat16, [3], 0.5, 3),
            (a, b) => a % b, n => n.Attr("fmod", 1L), rtol: 8e-3);
}

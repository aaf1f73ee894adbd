using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class CastTests
{
    [Theory]
    [InlineData(DataType.Float, DataType.Int32, -300, 300)]
    [InlineData(DataType.Float, DataType.Int8, -100, 100)]
    [InlineData(DataType.Float, DataType.UInt8, 0, 250)]
    [InlineData(DataType.Float, DataType.Int64, -1e6, 1e6)]
    [InlineData(DataType.Float, DataType.Bool, -2, 2)]
    [InlineData(DataType.Float, DataType.Float16, -7e4, 7e4)]
    [InlineData(DataType.Float, DataType.BFloat16, -100, 100)]
    [InlineData(DataType.Double, DataType.Float16, -100, 100)]
    [InlineData(DataType.Double, DataType.Int32, -1e9, 1e9)]
    [InlineData(DataType.Double, DataType.Float, -1e30, 1e30)]
    [InlineData(DataType.Float16, DataType.Float, -100, 100)]
    [InlineData(DataType.Float16, DataType.Int32, -100, 100)]
    [InlineData(DataType.Int64, DataType.Float, -1e15, 1e15)]
    [InlineData(DataType.Int64, DataType.Double, -1e18, 1e18)]
    [InlineData(DataType.Int64, DataType.Int8, -1e6, 1e6)]
    [InlineData(DataType.Int64, DataType.Float16, -1000, 1000)]
    [InlineData(DataType.Int32, DataType.UInt16, -1e6, 1e6)]
    [InlineData(DataType.Int32, DataType.Bool, -2, 2)]
    [InlineData(DataType.UInt64, DataType.Double, 0, 9e18)]
    [InlineData(DataType.UInt64, DataType.Float, 0, 9e18)]
    [InlineData(DataType.UInt8, DataType.Int8, 0, 255)]
    [InlineData(DataType.Bool, DataType.Float, 0, 2)]
    [InlineData(DataType.Bool, DataType.Int64, 0, 2)]
    [InlineData(DataType.BFloat16, DataType.Float, -100, 100)]
    public void Numeric_conversions_match_onnx_runtime(DataType from, DataType to, double low, double high)
        => ElementwiseTesting.AssertMatchesOrt(13, "Cast", [new TestInput(from, [3, 7], low, high)], to, n => n.Attr("to", (long)to), rtol: 0, atol: 0);

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    public void Numbers_format_as_onnx_runtime_does(DataType from)
    {
        var x = new Tensor("x0");
        double[] values = [0.5, -0.0, 1.0 / 3, 1e-5, 1.5e20, 123456789, -2.75, 1e7, 100, 3];
        x.Allocate(from, [values.Length]);
        for (int i = 0; i < values.Length; i++)
        {
            switch (from)
            {
                case DataType.Float: x.Span<float>()[i] = (float)values[i]; break;
                case DataType.Double: x.Span<double>()[i] = values[i]; break;
                case DataType.Int32: x.Span<int>()[i] = (int)Math.Clamp(values[i], -1e9, 1e9); break;
                case DataType.Int64: x.Span<long>()[i] = (long)Math.Clamp(values[i], -1e18, 1e18); break;
                case DataType.UInt8: x.Span<byte>()[i] = (byte)Math.Clamp(values[i], 0, 255); break;
            }
        }
        var m = ElementwiseTesting.Model(13, "Cast", [new TestInput(from, [values.Length])], [DataType.String], n => n.Attr("to", (long)DataType.String));
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x0"] = x });
    }

    [Fact]
    public void Special_floats_format_as_nan_and_inf()
    {
        var x = ElementwiseTesting.Make("x0", DataType.Float, [3], float.NaN, float.PositiveInfinity, float.NegativeInfinity);
        var m = ElementwiseTesting.Model(13, "Cast", [new TestInput(DataType.Float, [3])], [DataType.String], n => n.Attr("to", (long)DataType.String));
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x0"] = x });
    }

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Strings_parse_as_onnx_runtime_does(DataType to)
    {
        var x = ElementwiseTesting.MakeStrings("x0", [9], "1.5", "-2", "1e-5", "INF", "-inf", "NaN", "3.14159", "+Inf", "100000000");
        var m = ElementwiseTesting.Model(13, "Cast", [new TestInput(DataType.String, [9])], [to], n => n.Attr("to", (long)to));
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x0"] = x });
    }

    [Theory]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    public void Integer_strings_parse_as_onnx_runtime_does(DataType to)
    {
        var x = ElementwiseTesting.MakeStrings("x0", [4], "0", "17", "-3", "200");
        var m = ElementwiseTesting.Model(13, "Cast", [new TestInput(DataType.String, [4])], [to], n => n.Attr("to", (long)to));
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x0"] = x });
    }

    [Fact]
    public void Int4_wraps_and_packs_low_nibble_first()
    {
        var y = ElementwiseTesting.Run(21, "Cast", [new TestInput(DataType.Int32, [5])], DataType.Int4,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Int32, [5], -1, 7, 8, -9, 3) }, n => n.Attr("to", (long)DataType.Int4));
        Assert.Equal(new byte[] { 0x7F, 0x78, 0x03 }, y.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void Float8_saturation_follows_the_attribute()
    {
        var x = ElementwiseTesting.Make("x0", DataType.Float, [4], 1000f, -1000f, float.PositiveInfinity, 0.1f);
        var saturated = ElementwiseTesting.Run(19, "Cast", [new TestInput(DataType.Float, [4])], DataType.Float8E4M3FN, new() { ["x0"] = x }, n => n.Attr("to", (long)DataType.Float8E4M3FN));
        Assert.Equal(new byte[] { 0x7E, 0xFE, 0x7E, 0x1D }, saturated.ReadOnlySpan<byte>().ToArray());
        var x2 = ElementwiseTesting.Make("x0", DataType.Float, [4], 1000f, -1000f, float.PositiveInfinity, 0.1f);
        var plain = ElementwiseTesting.Run(19, "Cast", [new TestInput(DataType.Float, [4])], DataType.Float8E5M2, new() { ["x0"] = x2 },
            n => n.Attr("to", (long)DataType.Float8E5M2).Attr("saturate", 0L));
        Assert.Equal(new byte[] { 0x64, 0xE4, 0x7C, 0x2E }, plain.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void Unknown_target_type_is_an_error()
    {
        var e = Assert.ThrowsAny<Exception>(() => ElementwiseTesting.Run(13, "Cast", [new TestInput(DataType.Float, [1])], DataType.Float,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [1], 1f) }, n => n.Attr("to", (long)DataType.Complex64)));
        Assert.Contains("cannot cast to", e.Message);
    }

    [Fact]
    public void Opset_1_names_the_target_type()
    {
        var y = ElementwiseTesting.Run(1, "Cast", [new TestInput(DataType.Float, [3])], DataType.Int64,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [3], 1.9f, -2.5f, 300f) }, n => n.Attr("to", "INT64"));
        Assert.Equal(DataType.Int64, y.Type);
        Assert.Equal([1L, -2L, 300L], y.ReadOnlySpan<long>().ToArray());
    }
}

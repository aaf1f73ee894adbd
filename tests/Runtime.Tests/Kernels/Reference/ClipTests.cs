using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ClipTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Opset_6_attribute_bounds_match_onnx_runtime(bool withMin, bool withMax)
        => ElementwiseTesting.AssertMatchesOrt(6, "Clip", [new TestInput(DataType.Float, [3, 4], -5, 5)], DataType.Float, n =>
        {
            if (withMin) n.Attr("min", -1.5f);
            if (withMax) n.Attr("max", 2.25f);
        });

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    public void Opset_13_input_bounds_match_onnx_runtime(DataType type)
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", type, 4, 5).Output("y", type, null);
        m.Graph.Initializer("lo", ScalarOf(type, 1)).Initializer("hi", ScalarOf(type, 7));
        m.Graph.Node("Clip", ["x", "lo", "hi"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = ElementwiseTesting.Random("x", new TestInput(type, [4, 5], 0, 10), 5) });
    }

    [Fact]
    public void Omitted_min_clips_only_above()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.Int8, 6).Output("y", DataType.Int8, null);
        m.Graph.Initializer("hi", ScalarOf(DataType.Int8, 2));
        m.Graph.Node("Clip", ["x", "", "hi"], ["y"]);
        var x = ElementwiseTesting.Make("x", DataType.Int8, [6], (sbyte)-128, (sbyte)-3, (sbyte)0, (sbyte)2, (sbyte)3, (sbyte)127);
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x })[0];
        Assert.Equal(new sbyte[] { -128, -3, 0, 2, 2, 2 }, y.ReadOnlySpan<sbyte>().ToArray());
    }

    [Fact]
    public void BFloat16_clips_and_passes_nan()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("x", DataType.BFloat16, 4).Output("y", DataType.BFloat16, null);
        m.Graph.Initializer("lo", ScalarOf(DataType.BFloat16, -1)).Initializer("hi", ScalarOf(DataType.BFloat16, 1));
        m.Graph.Node("Clip", ["x", "lo", "hi"], ["y"]);
        var x = ElementwiseTesting.Make("x", DataType.BFloat16, [4], BFloat16.FromSingle(-3f), BFloat16.FromSingle(0.5f), BFloat16.FromSingle(4f), BFloat16.FromSingle(float.NaN));
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x })[0].ReadOnlySpan<ushort>().ToArray();
        Assert.Equal([-1f, 0.5f, 1f], y[..3].Select(BFloat16.ToSingle).ToArray());
        Assert.True(float.IsNaN(BFloat16.ToSingle(y[3])));
    }

    private static ConstantTensor ScalarOf(DataType type, double v)
    {
        var t = new Tensor("s");
        t.Allocate(type, []);
        switch (type)
        {
            case DataType.Float: t.Span<float>()[0] = (float)v; break;
            case DataType.Double: t.Span<double>()[0] = v; break;
            case DataType.Float16: t.Span<Half>()[0] = (Half)v; break;
            case DataType.BFloat16: t.Span<ushort>()[0] = BFloat16.FromSingle((float)v); break;
            case DataType.Int8: t.Span<sbyte>()[0] = (sbyte)v; break;
            case DataType.Int32: t.Span<int>()[0] = (int)v; break;
            case DataType.Int64: t.Span<long>()[0] = (long)v; break;
            case DataType.UInt8: t.Span<byte>()[0] = (byte)v; break;
            default: throw new ArgumentException(type.ToString());
        }
        return ConstantTensor.FromTensor(t);
    }
}

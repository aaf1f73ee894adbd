using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class AddTests
{
    [Theory]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 2, 3, 4 })]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 4 })]
    [InlineData(new long[] { 2, 1, 4 }, new long[] { 3, 1 })]
    [InlineData(new long[] { 1 }, new long[] { 5, 7 })]
    public void Float_broadcasting_matches_onnx_runtime(long[] a, long[] b)
    {
        var m = new OnnxModelBuilder(14);
        m.Graph.Input("a", DataType.Float, a.Cast<object?>().ToArray()).Input("b", DataType.Float, b.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
        m.Graph.Node("Add", ["a", "b"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["a"] = OpTester.Random("a", a, 1), ["b"] = OpTester.Random("b", b, 2) });
    }

    [Fact]
    public void Int64_is_exact()
    {
        var m = new OnnxModelBuilder(14);
        m.Graph.Input("a", DataType.Int64, 3).Input("b", DataType.Int64, 3).Output("y", DataType.Int64, 3);
        m.Graph.Node("Add", ["a", "b"], ["y"]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["a"] = OpTester.Make<long>("a", DataType.Int64, [3], 1, long.MaxValue - 5, -7),
            ["b"] = OpTester.Make<long>("b", DataType.Int64, [3], 2, 3, 7),
        };
        var y = OpTester.RunEdgeML(m.ToBytes(), inputs)[0];
        Assert.Equal([3L, long.MaxValue - 2, 0L], y.ReadOnlySpan<long>().ToArray());
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.UInt32)]
    public void Other_types_match_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(14, "Add", [new TestInput(type, [2, 1, 4], -50, 50), new TestInput(type, [3, 1], -50, 50)], type,
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(14, "Add", new TestInput(DataType.BFloat16, [2, 3]), new TestInput(DataType.BFloat16, [3]), (a, b) => a + b, rtol: 8e-3);

    [Fact]
    public void Opset_6_broadcast_at_the_right_works_and_other_axes_are_rejected()
    {
        var inputs = new[] { new TestInput(DataType.Float, [2, 3]), new TestInput(DataType.Float, [3]) };
        Dictionary<string, Tensor> Values() => new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [2, 3], 1f, 2f, 3f, 4f, 5f, 6f),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Float, [3], 10f, 20f, 30f),
        };
        var y = ElementwiseTesting.Run(6, "Add", inputs, DataType.Float, Values(), n => n.Attr("broadcast", 1L).Attr("axis", 1L));
        Assert.Equal([11f, 22f, 33f, 14f, 25f, 36f], y.ReadOnlySpan<float>().ToArray());
        var e = Assert.Throws<EdgeMLException>(() => ElementwiseTesting.Run(6, "Add", inputs, DataType.Float, Values(), n => n.Attr("broadcast", 1L).Attr("axis", 0L)));
        Assert.Contains("along axis 0", e.Message);
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class DynamicQuantizeLinearTests
{
    [Theory]
    [InlineData(1, -3f, 5f)]
    [InlineData(2, 0.5f, 9f)]
    [InlineData(3, -9f, -0.25f)]
    public void Random_data_matches_onnx_runtime(int seed, float lo, float hi)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("x", DataType.Float, 4, 7).Output("y", DataType.UInt8, 4, 7).Output("s", DataType.Float).Output("z", DataType.UInt8);
        m.Graph.Node("DynamicQuantizeLinear", ["x"], ["y", "s", "z"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [4, 7], seed, lo, hi) }, 0, 0);
    }

    [Fact]
    public void All_zeros_use_a_scale_of_one_over_255()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("x", DataType.Float, 3).Output("y", DataType.UInt8, 3).Output("s", DataType.Float).Output("z", DataType.UInt8);
        m.Graph.Node("DynamicQuantizeLinear", ["x"], ["y", "s", "z"]);
        var outputs = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = OpTester.Make<float>("x", DataType.Float, [3], 0f, 0f, 0f) });
        Assert.Equal(1f / 255f, outputs[1].ReadOnlySpan<float>()[0]);
        Assert.Equal(0, outputs[2].ReadOnlySpan<byte>()[0]);
        Assert.Equal([0, 0, 0], outputs[0].ReadOnlySpan<byte>().ToArray());
    }
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MaxUnpoolTests
{
    /// <summary>MaxPool then MaxUnpool with the same window: the maxima return to their places.</summary>
    [Theory]
    [InlineData(new long[] { 1, 2, 6, 8 }, new long[] { 2, 2 }, new long[] { 2, 2 }, new long[] { 0, 0, 0, 0 })]
    [InlineData(new long[] { 2, 3, 7, 7 }, new long[] { 3, 3 }, new long[] { 2, 2 }, new long[] { 1, 1, 1, 1 })]
    [InlineData(new long[] { 1, 2, 9 }, new long[] { 3 }, new long[] { 3 }, new long[] { 0, 0 })]
    public void Unpooling_maxpool_output_matches_onnx_runtime(long[] x, long[] kernel, long[] strides, long[] pads)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("x", DataType.Float, x.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
        m.Graph.Node("MaxPool", ["x"], ["p", "i"]).Attr("kernel_shape", kernel).Attr("strides", strides).Attr("pads", pads);
        m.Graph.Node("MaxUnpool", ["p", "i"], ["y"]).Attr("kernel_shape", kernel).Attr("strides", strides).Attr("pads", pads);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", x, 1) });
    }

    [Fact]
    public void Output_shape_equal_to_the_pooled_input_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.Input("x", DataType.Float, 1, 2, 5, 5).Output("y", DataType.Float, null);
        m.Graph.Initializer("shape", [1L, 2, 5, 5], 4);
        m.Graph.Node("MaxPool", ["x"], ["p", "i"]).Attr("kernel_shape", new long[] { 2, 2 }).Attr("strides", new long[] { 2, 2 });
        m.Graph.Node("MaxUnpool", ["p", "i", "shape"], ["y"]).Attr("kernel_shape", new long[] { 2, 2 }).Attr("strides", new long[] { 2, 2 });
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [1, 2, 5, 5], 2) });
    }
}

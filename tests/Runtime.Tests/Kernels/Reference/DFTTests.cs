using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class DFTTests
{
    [Theory]
    [InlineData(7, 2, 0, 0, -1)]   // odd length (Bluestein), complex input
    [InlineData(12, 1, 0, 0, -1)]  // real input, composite length
    [InlineData(12, 1, 0, 1, -1)]  // RFFT
    [InlineData(9, 2, 1, 0, -1)]   // inverse, odd length
    [InlineData(8, 2, 0, 0, 13)]   // zero-padded to 13
    [InlineData(8, 1, 0, 0, 5)]    // truncated to 5
    [InlineData(6, 2, 1, 1, -1)]   // IRFFT, default length 10
    [InlineData(6, 2, 1, 1, 11)]   // IRFFT, odd length
    public void Opset20_matches_onnx_runtime(int length, int parts, int inverse, int onesided, int dftLength)
    {
        var m = new OnnxModelBuilder(20);
        m.Graph.Input("x", DataType.Float, 3, length, parts).Output("y", DataType.Float, null, null, null);
        if (dftLength > 0) m.Graph.Initializer("n", [dftLength], []);
        m.Graph.Node("DFT", ["x", dftLength > 0 ? "n" : ""], ["y"]).Attr("inverse", (long)inverse).Attr("onesided", (long)onesided);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [3, length, parts], length) }, 1e-4, 1e-5);
    }

    [Fact]
    public void Opset17_axis_attribute_and_double_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("x", DataType.Double, 5, 6, 2).Output("y", DataType.Double, 5, 6, 2);
        m.Graph.Node("DFT", ["x"], ["y"]).Attr("axis", 0L);
        var x = new Tensor("x");
        x.Allocate(DataType.Double, [5, 6, 2]);
        var rng = new Random(9);
        foreach (ref var v in x.Span<double>()) v = rng.NextDouble() * 2 - 1;
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = x }, 1e-9, 1e-12);
    }
}

using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class BinarizerTests
{
    [Fact]
    public void Matches_onnx_runtime()
    {
        var (m, n) = MlModel.Single("Binarizer", 1, g => g.Input("X", DataType.Float, 3, 4).Output("Y", DataType.Float, 3, 4), ["X"], ["Y"]);
        n.Attr("threshold", 0.25f);
        var x = MlModel.Floats([3, 4], 2, -1, 1);
        x.Span<float>()[0] = 0.25f;
        var y = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0];
        Assert.Equal(0f, y.ReadOnlySpan<float>()[0]);
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Keeps_the_input_type()
    {
        var (m, n) = MlModel.Single("Binarizer", 1, g => g.Input("X", DataType.Int64, 4).Output("Y", DataType.Int64, 4), ["X"], ["Y"]);
        n.Attr("threshold", 1.5f);
        var y = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(OpTester.Make("X", DataType.Int64, [4], 0L, 1L, 2L, 3L)))[0];
        Assert.Equal([0L, 0L, 1L, 1L], y.ReadOnlySpan<long>().ToArray());
    }
}

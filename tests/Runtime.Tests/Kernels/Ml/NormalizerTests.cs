using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class NormalizerTests
{
    [Theory]
    [InlineData("MAX", DataType.Float)]
    [InlineData("L1", DataType.Float)]
    [InlineData("L2", DataType.Float)]
    [InlineData("L2", DataType.Double)]
    [InlineData("MAX", DataType.Int64)]
    [InlineData("L1", DataType.Int32)]
    public void Matches_onnx_runtime(string norm, DataType type)
    {
        var (m, n) = MlModel.Single("Normalizer", 1, g => g.Input("X", type, 4, 3).Output("Y", DataType.Float, 4, 3), ["X"], ["Y"]);
        n.Attr("norm", norm);
        // The last row is all zeros: it is copied.
        double[] v = [1, -2, 3, -4, -5, -6, 0.5, 2, 0, 0, 0, 0];
        var x = type switch
        {
            DataType.Float => OpTester.Make("X", type, [4, 3], v.Select(d => (float)d).ToArray()),
            DataType.Double => OpTester.Make("X", type, [4, 3], v),
            DataType.Int64 => OpTester.Make("X", type, [4, 3], v.Select(d => (long)d).ToArray()),
            _ => OpTester.Make("X", type, [4, 3], v.Select(d => (int)d).ToArray()),
        };
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void L2_hand_computed()
    {
        var (m, n) = MlModel.Single("Normalizer", 1, g => g.Input("X", DataType.Float, 2).Output("Y", DataType.Float, 2), ["X"], ["Y"]);
        n.Attr("norm", "L2");
        var y = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(OpTester.Make("X", DataType.Float, [2], 3f, -4f)))[0];
        Assert.Equal([0.6f, -0.8f], y.ReadOnlySpan<float>().ToArray());
    }
}

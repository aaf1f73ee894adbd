using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class ScalerTests
{
    [Theory]
    [InlineData(DataType.Float, true)]
    [InlineData(DataType.Float, false)]
    [InlineData(DataType.Double, true)]
    [InlineData(DataType.Int64, true)]
    [InlineData(DataType.Int32, false)]
    public void Matches_onnx_runtime(DataType type, bool perFeature)
    {
        var (m, n) = MlModel.Single("Scaler", 1, g => g.Input("X", type, 3, 3).Output("Y", DataType.Float, 3, 3), ["X"], ["Y"]);
        n.Attr("offset", perFeature ? new[] { 1f, -2f, 0.5f } : new[] { 0.25f }).Attr("scale", perFeature ? new[] { 2f, 0.5f, -1f } : new[] { 3f });
        var x = type switch
        {
            DataType.Float => MlModel.Floats([3, 3], 1),
            DataType.Double => OpTester.Make("X", type, [3, 3], 1.5, -2, 0, 4, 5, 6, 7, 8, -9),
            DataType.Int64 => OpTester.Make("X", type, [3, 3], 1L, -2, 0, 4, 5, 6, 7, 8, -9),
            _ => OpTester.Make("X", type, [3, 3], 1, -2, 0, 4, 5, 6, 7, 8, -9),
        };
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Hand_computed()
    {
        var (m, n) = MlModel.Single("Scaler", 1, g => g.Input("X", DataType.Float, 1, 2).Output("Y", DataType.Float, 1, 2), ["X"], ["Y"]);
        n.Attr("offset", new[] { 1f, 2f }).Attr("scale", new[] { 10f, -1f });
        var y = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(OpTester.Make("X", DataType.Float, [1, 2], 3f, 5f)))[0];
        Assert.Equal([20f, -3f], y.ReadOnlySpan<float>().ToArray());
    }
}

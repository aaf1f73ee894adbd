using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class ImputerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Floats_with_nan_match_onnx_runtime(bool perFeature)
    {
        var (m, n) = MlModel.Single("Imputer", 1, g => g.Input("X", DataType.Float, 3, 3).Output("Y", DataType.Float, 3, 3), ["X"], ["Y"]);
        n.Attr("imputed_value_floats", perFeature ? new[] { 10f, 20f, 30f } : new[] { -1f }).Attr("replaced_value_float", float.NaN);
        var x = OpTester.Make("X", DataType.Float, [3, 3], float.NaN, 1f, 2f, 3f, float.NaN, float.NaN, 0f, 0f, 4f);
        var y = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0];
        Assert.DoesNotContain(y.ReadOnlySpan<float>().ToArray(), float.IsNaN);
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Int64_replaced_value_matches_onnx_runtime()
    {
        var (m, n) = MlModel.Single("Imputer", 1, g => g.Input("X", DataType.Int64, 2, 2).Output("Y", DataType.Int64, 2, 2), ["X"], ["Y"]);
        n.Attr("imputed_value_int64s", new long[] { 7, 8 }).Attr("replaced_value_int64", -1L);
        var x = OpTester.Make("X", DataType.Int64, [2, 2], -1L, 5L, 6L, -1L);
        Assert.Equal([7L, 5L, 6L, 8L], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].ReadOnlySpan<long>().ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }
}

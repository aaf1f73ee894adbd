using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class OneHotEncoderTests
{
    [Fact]
    public void Strings_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("OneHotEncoder", 1, g => g.Input("X", DataType.String, 2, 3).Output("Y", DataType.Float, 2, 3, 3), ["X"], ["Y"]);
        n.Attr("cats_strings", new[] { "red", "green", "blue" });
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Strings("X", [2, 3], "blue", "red", "pink", "green", "green", "")));
    }

    [Theory]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    public void Numbers_match_onnx_runtime(DataType type)
    {
        var (m, n) = MlModel.Single("OneHotEncoder", 1, g => g.Input("X", type, 5).Output("Y", DataType.Float, 5, 4), ["X"], ["Y"]);
        n.Attr("cats_int64s", new long[] { 7, 1, 3, 5 }).Attr("zeros", 1L);
        var x = type switch
        {
            DataType.Int64 => OpTester.Make("X", type, [5], 1L, 3L, 8L, 7L, 5L),
            DataType.Int32 => OpTester.Make("X", type, [5], 1, 3, 8, 7, 5),
            DataType.Float => OpTester.Make("X", type, [5], 1f, 3f, 8f, 7f, 5f),
            _ => OpTester.Make("X", type, [5], 1.0, 3.0, 8.0, 7.0, 5.0),
        };
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Unknown_category_without_zeros_is_an_error()
    {
        var (m, n) = MlModel.Single("OneHotEncoder", 1, g => g.Input("X", DataType.Int64, 2).Output("Y", DataType.Float, 2, 2), ["X"], ["Y"]);
        n.Attr("cats_int64s", new long[] { 1, 2 }).Attr("zeros", 0L);
        var x = MlModel.X(OpTester.Make("X", DataType.Int64, [2], 1L, 9L));
        Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(m.ToBytes(), x));
        Assert.Throws<EdgeMLException>(() => OpTester.RunOrt(m.ToBytes(), x));
    }
}

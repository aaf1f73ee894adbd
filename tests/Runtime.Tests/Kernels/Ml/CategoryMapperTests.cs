using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class CategoryMapperTests
{
    [Fact]
    public void Strings_to_ints_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("CategoryMapper", 1, g => g.Input("X", DataType.String, 2, 2).Output("Y", DataType.Int64, 2, 2), ["X"], ["Y"]);
        n.Attr("cats_strings", new[] { "cat", "dog", "cow" }).Attr("cats_int64s", new long[] { 1, 2, 3 }).Attr("default_int64", 42L);
        OpTester.AssertMatchesOrt(m, MlModel.X(MlModel.Strings("X", [2, 2], "dog", "horse", "cat", "cow")));
    }

    [Fact]
    public void Ints_to_strings_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("CategoryMapper", 1, g => g.Input("X", DataType.Int64, 4).Output("Y", DataType.String, 4), ["X"], ["Y"]);
        n.Attr("cats_strings", new[] { "cat", "dog", "cow" }).Attr("cats_int64s", new long[] { 1, 2, 3 }).Attr("default_string", "?");
        var x = OpTester.Make("X", DataType.Int64, [4], 3L, 9L, 1L, 2L);
        Assert.Equal(["cow", "?", "cat", "dog"], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].Strings.ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }
}

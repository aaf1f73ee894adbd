using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class CastMapTests
{
    private static Tensor FloatMap(long[] keys, float[] values)
    {
        var t = new Tensor("X");
        var (k, v) = t.SetMap(DataType.Int64, DataType.Float);
        k.Allocate(DataType.Int64, [keys.Length]);
        keys.CopyTo(k.Span<long>());
        v.Allocate(DataType.Float, [values.Length]);
        values.CopyTo(v.Span<float>());
        return t;
    }

    [Theory]
    [InlineData("TO_FLOAT", "DENSE", DataType.Float)]
    [InlineData("TO_INT64", "DENSE", DataType.Int64)]
    [InlineData("TO_FLOAT", "SPARSE", DataType.Float)]
    [InlineData("TO_STRING", "DENSE", DataType.String)]
    public void Float_values_match_onnx_runtime(string castTo, string form, DataType output)
    {
        var (m, n) = MlModel.Single("CastMap", 1, g => g.MapInput("X", DataType.Int64, DataType.Float).Output("Y", output, null, null), ["X"], ["Y"]);
        n.Attr("cast_to", castTo).Attr("map_form", form).Attr("max_map", 6L);
        var x = FloatMap([4, 1, 2], [4.5f, 1.25f, -2f]);
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Dense_values_come_in_key_order()
    {
        var (m, n) = MlModel.Single("CastMap", 1, g => g.MapInput("X", DataType.Int64, DataType.Float).Output("Y", DataType.Float, null, null), ["X"], ["Y"]);
        n.Attr("cast_to", "TO_FLOAT");
        var y = OpTester.RunEdgeML(m.ToBytes(), MlModel.X(FloatMap([9, 1, 5], [9f, 1f, 5f])))[0];
        Assert.Equal([1f, 5f, 9f], y.ReadOnlySpan<float>().ToArray());
    }
}

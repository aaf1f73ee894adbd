using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class DictVectorizerTests
{
    private static Tensor Map<TValue>(string[]? stringKeys, long[]? intKeys, DataType valueType, TValue[] values) where TValue : unmanaged
    {
        var t = new Tensor("X");
        var (k, v) = t.SetMap(stringKeys != null ? DataType.String : DataType.Int64, valueType);
        if (stringKeys != null)
        {
            k.Allocate(DataType.String, [stringKeys.Length]);
            stringKeys.CopyTo(k.Strings);
        }
        else
        {
            k.Allocate(DataType.Int64, [intKeys!.Length]);
            intKeys.CopyTo(k.Span<long>());
        }
        v.Allocate(valueType, [values.Length]);
        values.CopyTo(v.Span<TValue>());
        return t;
    }

    [Fact]
    public void String_keys_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("DictVectorizer", 1, g => g.MapInput("X", DataType.String, DataType.Float).Output("Y", DataType.Float, null, null), ["X"], ["Y"]);
        n.Attr("string_vocabulary", new[] { "a", "b", "c", "d" });
        var x = Map(["d", "a", "zz"], null, DataType.Float, new[] { 4f, 1f, 9f });
        Assert.Equal([1f, 0f, 0f, 4f], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].ReadOnlySpan<float>().ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Int64_keys_with_double_values_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("DictVectorizer", 1, g => g.MapInput("X", DataType.Int64, DataType.Double).Output("Y", DataType.Double, null, null), ["X"], ["Y"]);
        n.Attr("int64_vocabulary", new long[] { 10, 20, 30 });
        OpTester.AssertMatchesOrt(m, MlModel.X(Map(null, [30, 10], DataType.Double, new[] { 3.5, 1.5 })));
    }
}

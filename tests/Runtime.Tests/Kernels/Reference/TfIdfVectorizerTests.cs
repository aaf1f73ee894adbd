using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class TfIdfVectorizerTests
{
    [Theory]
    [InlineData("TF", 1, 3, 1)]
    [InlineData("IDF", 2, 3, 2)]
    [InlineData("TFIDF", 1, 2, 3)]
    public void Int64_pool_with_weights_matches_onnx_runtime(string mode, long minN, long maxN, long maxSkip)
    {
        var m = new OnnxModelBuilder(9);
        m.Graph.Input("x", DataType.Int64, 2, 8).Output("y", DataType.Float, 2, 7);
        m.Graph.Node("TfIdfVectorizer", ["x"], ["y"])
            .Attr("mode", mode).Attr("min_gram_length", minN).Attr("max_gram_length", maxN).Attr("max_skip_count", maxSkip)
            .Attr("ngram_counts", new long[] { 0, 3, 9 })
            .Attr("ngram_indexes", new long[] { 6, 0, 1, 2, 3, 4, 5 })
            .Attr("pool_int64s", new long[] { 1, 2, 3, 1, 2, 2, 3, 3, 1, 1, 2, 3 })
            .Attr("weights", new float[] { 0.5f, 1.5f, 2f, 3f, 0.25f, 1f, 4f });
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make<long>("x", DataType.Int64, [2, 8], 1, 2, 3, 1, 2, 2, 3, 1, 3, 3, 1, 2, 9, 1, 2, 3),
        });
    }

    [Fact]
    public void String_pool_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(9);
        m.Graph.Input("x", DataType.String, 7).Output("y", DataType.Float, 4);
        m.Graph.Node("TfIdfVectorizer", ["x"], ["y"])
            .Attr("mode", "TF").Attr("min_gram_length", 1L).Attr("max_gram_length", 2L).Attr("max_skip_count", 1L)
            .Attr("ngram_counts", new long[] { 0, 2 })
            .Attr("ngram_indexes", new long[] { 0, 1, 2, 3 })
            .Attr("pool_strings", new[] { "a", "b", "a", "b", "b", "c" });
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["x"] = IntegerTestData.Strings("x", [7], "a", "b", "x", "b", "c", "a", "b"),
        });
    }
}

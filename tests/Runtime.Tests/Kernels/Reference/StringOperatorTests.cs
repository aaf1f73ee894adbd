using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>StringConcat, StringSplit, StringNormalizer and RegexFullMatch beyond the conformance data.</summary>
public class StringOperatorTests
{
    [Fact]
    public void StringConcat_broadcasts_two_dimensions_like_onnx_runtime()
    {
        var m = new OnnxModelBuilder(20);
        m.Graph.Input("x", DataType.String, 2, 1).Input("y", DataType.String, 3).Output("z", DataType.String, 2, 3);
        m.Graph.Node("StringConcat", ["x", "y"], ["z"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["x"] = IntegerTestData.Strings("x", [2, 1], "a", "é"),
            ["y"] = IntegerTestData.Strings("y", [3], "1", "", "日本"),
        });
    }

    [Theory]
    [InlineData(",", -1L)]
    [InlineData(",", 1L)]
    [InlineData("", -1L)]
    [InlineData("", 1L)]
    [InlineData("ab", -1L)]
    public void StringSplit_matches_onnx_runtime(string delimiter, long maxsplit)
    {
        var m = new OnnxModelBuilder(20);
        m.Graph.Input("x", DataType.String, 2, 2).Output("y", DataType.String, null, null, null).Output("n", DataType.Int64, 2, 2);
        var node = m.Graph.Node("StringSplit", ["x"], ["y", "n"]);
        if (delimiter.Length > 0) node.Attr("delimiter", delimiter);
        if (maxsplit >= 0) node.Attr("maxsplit", maxsplit);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["x"] = IntegerTestData.Strings("x", [2, 2], "a,b,,c", "  lead  and trail", "xabyabab", " x,y "),
        });
    }

    [Fact]
    public void StringSplit_follows_python_for_empty_strings_and_the_remainder()
    {
        // Where ONNX Runtime and the ONNX reference (Python's str.split) differ, EdgeML follows the
        // reference: "" split on a delimiter is one empty substring, and the remainder after
        // maxsplit keeps its trailing whitespace.
        var m = new OnnxModelBuilder(20);
        m.Graph.Input("x", DataType.String, 2).Output("y", DataType.String, 2, null).Output("n", DataType.Int64, 2);
        m.Graph.Node("StringSplit", ["x"], ["y", "n"]).Attr("maxsplit", 1L);
        var outputs = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = IntegerTestData.Strings("x", [2], "  lead  and trail ", "   ") });
        Assert.Equal(["lead", "and trail ", "", ""], outputs[0].Strings.ToArray());
        Assert.Equal([2L, 0L], outputs[1].ReadOnlySpan<long>().ToArray());

        m = new OnnxModelBuilder(20);
        m.Graph.Input("x", DataType.String, 2).Output("y", DataType.String, 2, null).Output("n", DataType.Int64, 2);
        m.Graph.Node("StringSplit", ["x"], ["y", "n"]).Attr("delimiter", ",");
        outputs = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = IntegerTestData.Strings("x", [2], "", "a,") });
        Assert.Equal(["", "", "a", ""], outputs[0].Strings.ToArray());
        Assert.Equal([1L, 2L], outputs[1].ReadOnlySpan<long>().ToArray());
    }

    [Fact]
    public void StringNormalizer_case_insensitive_stopwords_and_lower_case()
    {
        // ONNX Runtime's StringNormalizer needs a locale this machine may not have, so the
        // expected values are written out: stop words drop whole elements, then the case changes.
        var m = new OnnxModelBuilder(10);
        m.Graph.Input("x", DataType.String, 1, 5).Output("y", DataType.String, 1, null);
        m.Graph.Node("StringNormalizer", ["x"], ["y"]).Attr("case_change_action", "LOWER").Attr("stopwords", new[] { "THE", "a" });
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>
        {
            ["x"] = IntegerTestData.Strings("x", [1, 5], "The", "Quick", "A", "ÉCOLE", "the end"),
        })[0];
        Assert.Equal([1L, 3L], y.Shape.ToArray());
        Assert.Equal(["quick", "école", "the end"], y.Strings.ToArray());
    }

    [Theory]
    [InlineData(@"[a-c]+\d{2,3}")]
    [InlineData(@"(?i)hello\s\w+")]
    [InlineData(@"(?P<word>\w+)-\1x|plain")]
    [InlineData(@"\w+")]
    [InlineData(@"a$|b")]
    [InlineData(@"[[:digit:]]+\.[[:alpha:]]*")]
    [InlineData(@"\Qa.b\E.")]
    [InlineData(@"[^\d\s]+")]
    public void RegexFullMatch_agrees_with_onnx_runtime_re2(string pattern)
    {
        var m = new OnnxModelBuilder(20);
        m.Graph.Input("x", DataType.String, 12).Output("y", DataType.Bool, 12);
        m.Graph.Node("RegexFullMatch", ["x"], ["y"]).Attr("pattern", pattern);
        var x = IntegerTestData.Strings("x", [12], "abc12", "abc1234", "Hello World", "hello\tthere", "héllo", "a", "a\n", "12.ab", "a.bz", "a-b", "xyz", "");
        if (pattern.Contains(@"\1"))
        {
            // RE2 has no backreferences: the pattern is rejected when the model is loaded.
            Assert.ThrowsAny<Exception>(() => OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["x"] = x }));
            return;
        }
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = x });
    }
}

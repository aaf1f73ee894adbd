using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class TreeEnsembleClassifierTests
{
    private static OnnxModelBuilder Model(RandomTrees trees, int classes, bool stringLabels, string transform, float[]? baseValues, DataType inputType, int mlOpset = 3)
    {
        var m = new OnnxModelBuilder(17).Opset("ai.onnx.ml", mlOpset);
        m.Graph.Input("X", inputType, null, trees.Features)
            .Output("Y", stringLabels ? DataType.String : DataType.Int64, (object?)null)
            .Output("Z", DataType.Float, null, classes);
        var n = m.Graph.Node("TreeEnsembleClassifier", ["X"], ["Y", "Z"], domain: "ai.onnx.ml").Attr("post_transform", transform);
        if (stringLabels) n.Attr("classlabels_strings", Enumerable.Range(0, classes).Select(i => "c" + (char)('a' + (classes - i))).ToArray());
        else n.Attr("classlabels_int64s", Enumerable.Range(0, classes).Select(i => (long)(10 + 3 * i)).ToArray());
        if (baseValues != null) n.Attr("base_values", baseValues);
        trees.SetV3(n, "class");
        return m;
    }

    /// <summary>Leaf votes: <paramref name="ids"/> are the classes leaves vote for (every leaf votes for
    /// each, or for a random non-empty subset when <paramref name="subset"/>).</summary>
    private static Func<Random, List<(int, float)>> Votes(int[] ids, bool positive, bool subset) => rng =>
    {
        var list = new List<(int, float)>();
        foreach (var c in ids)
            if (!subset || list.Count == 0 && c == ids[^1] || rng.Next(2) == 0)
                list.Add((c, (float)Math.Round(positive ? rng.NextDouble() * 0.5 : rng.NextDouble() * 4 - 2, 3)));
        return list;
    };

    private static void Check(OnnxModelBuilder m, int features, DataType type = DataType.Float, int seed = 3)
    {
        var x = RandomTrees.Input("X", RandomTrees.Inputs(seed, 40, features, nan: type is DataType.Float or DataType.Double), 40, features, type);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["X"] = x });
    }

    public static TheoryData<int[], bool, int, string, bool> BinaryCases()
    {
        var data = new TheoryData<int[], bool, int, string, bool>();
        foreach (var ids in new[] { new[] { 1 }, new[] { 0 }, new[] { 0, 1 } })
        foreach (var positive in new[] { true, false })
        foreach (var baseCount in new[] { 0, 1, 2 })
        foreach (var transform in new[] { "NONE", "LOGISTIC", "SOFTMAX" })
        {
            // One base value with votes for both classes leaves ONNX Runtime's second column unwritten
            // whenever no leaf voted for class 1; every leaf votes for both classes there (subset: false).
            data.Add(ids, positive, baseCount, transform, ids.Length == 1);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_conventions_match_onnx_runtime(int[] ids, bool positive, int baseCount, string transform, bool subset)
    {
        for (int seed = 1; seed <= 3; seed++)
        {
            var trees = new RandomTrees(seed, trees: 4, features: 3, maxDepth: 3, Votes(ids, positive, subset));
            float[]? baseValues = baseCount switch { 0 => null, 1 => [0.3f], _ => [0.3f, -0.2f] };
            Check(Model(trees, 2, stringLabels: seed == 2, transform, baseValues, DataType.Float), 3, seed: seed);
        }
    }

    [Theory]
    [InlineData(3, "NONE", false, false)]
    [InlineData(3, "SOFTMAX", true, false)]
    [InlineData(4, "LOGISTIC", false, true)]
    [InlineData(4, "SOFTMAX_ZERO", true, true)]
    [InlineData(5, "NONE", false, true)]
    public void Multiclass_matches_onnx_runtime(int classes, string transform, bool withBase, bool subset)
    {
        for (int seed = 1; seed <= 3; seed++)
        {
            var trees = new RandomTrees(seed + 20, trees: 6, features: 4, maxDepth: 4, Votes(Enumerable.Range(0, classes).ToArray(), false, subset));
            float[]? baseValues = withBase ? Enumerable.Range(0, classes).Select(i => 0.1f * i - 0.2f).ToArray() : null;
            Check(Model(trees, classes, stringLabels: seed % 2 == 0, transform, baseValues, DataType.Float), 4, seed: seed);
        }
    }

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.Int32)]
    public void Input_types_match_onnx_runtime(DataType type)
    {
        var trees = new RandomTrees(8, trees: 5, features: 3, maxDepth: 4, Votes([0, 1, 2], false, true));
        Check(Model(trees, 3, false, "SOFTMAX", null, type), 3, type);
    }

    [Fact]
    public void Hand_computed_binary_probability()
    {
        // A stump voting 0.2 or 0.9 for class 0 (all weights positive): ONNX Runtime reads the lone
        // score as the positive class's, writes [1 - s, s] and picks class 1 when s > 0.5.
        var m = new OnnxModelBuilder(17).Opset("ai.onnx.ml", 3);
        m.Graph.Input("X", DataType.Float, 2, 1).Output("Y", DataType.Int64, 2).Output("Z", DataType.Float, 2, 2);
        m.Graph.Node("TreeEnsembleClassifier", ["X"], ["Y", "Z"], domain: "ai.onnx.ml")
            .Attr("classlabels_int64s", new long[] { 4, 7 })
            .Attr("nodes_treeids", new long[] { 0, 0, 0 }).Attr("nodes_nodeids", new long[] { 0, 1, 2 })
            .Attr("nodes_featureids", new long[] { 0, 0, 0 }).Attr("nodes_values", new[] { 0f, 0, 0 })
            .Attr("nodes_modes", new[] { "BRANCH_LT", "LEAF", "LEAF" })
            .Attr("nodes_truenodeids", new long[] { 1, 0, 0 }).Attr("nodes_falsenodeids", new long[] { 2, 0, 0 })
            .Attr("class_treeids", new long[] { 0, 0 }).Attr("class_nodeids", new long[] { 1, 2 })
            .Attr("class_ids", new long[] { 0, 0 }).Attr("class_weights", new[] { 0.2f, 0.9f });
        var inputs = new Dictionary<string, Tensor> { ["X"] = OpTester.Make("X", DataType.Float, [2, 1], -1f, 1f) };
        var outputs = OpTester.RunEdgeML(m.ToBytes(), inputs);
        Assert.Equal([4L, 7L], outputs[0].ReadOnlySpan<long>().ToArray());
        Assert.Equal([0.8f, 0.2f, 0.1f, 0.9f], outputs[1].ReadOnlySpan<float>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
        OpTester.AssertMatchesOrt(m, inputs);
    }
}

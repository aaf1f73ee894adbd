using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class TreeEnsembleTests
{
    /// <summary>Re-encodes random trees in the opset-5 form; with <paramref name="members"/> some
    /// interior nodes become BRANCH_MEMBER nodes testing a random set of small integers.</summary>
    private static OnnxModelBuilder Model(RandomTrees trees, int targets, int aggregate, int transform, DataType type, bool members, int seed)
    {
        var rng = new Random(seed);
        var interior = new List<RandomTrees.Node>();
        var leaves = new List<RandomTrees.Node>();
        foreach (var n in trees.Nodes) (n.Mode == "LEAF" ? leaves : interior).Add(n);
        int Index(List<RandomTrees.Node> list, int tree, int id) => list.FindIndex(n => n.Tree == tree && n.Id == id);
        bool IsLeaf(int tree, int id) => Index(leaves, tree, id) >= 0;
        long Ref(int tree, int id) => IsLeaf(tree, id) ? Index(leaves, tree, id) : Index(interior, tree, id);

        var modes = new List<byte>();
        var splits = new List<double>();
        var membership = new List<double>();
        foreach (var n in interior)
        {
            if (members && rng.Next(3) == 0)
            {
                modes.Add(6);
                splits.Add(0);
                int count = 1 + rng.Next(4);
                // ONNX Runtime implements integer members only; the inputs' grid hits -1, 0 and 1.
                for (int k = 0; k < count; k++) membership.Add(rng.Next(-1, 3));
                membership.Add(double.NaN);
                continue;
            }
            modes.Add(n.Mode switch { "BRANCH_LEQ" => 0, "BRANCH_LT" => 1, "BRANCH_GTE" => 2, "BRANCH_GT" => 3, "BRANCH_EQ" => 4, _ => 5 });
            splits.Add(n.Threshold);
        }
        ConstantTensor Values(IList<double> v) => type switch
        {
            DataType.Double => ConstantTensor.From<double>(DataType.Double, [v.Count], v.ToArray()),
            DataType.Float16 => ConstantTensor.From<Half>(DataType.Float16, [v.Count], v.Select(d => (Half)d).ToArray()),
            _ => ConstantTensor.From<float>(DataType.Float, [v.Count], v.Select(d => (float)d).ToArray()),
        };

        var m = new OnnxModelBuilder(21).Opset("ai.onnx.ml", 5);
        m.Graph.Input("X", type, null, trees.Features).Output("Y", type, null, targets);
        var node = m.Graph.Node("TreeEnsemble", ["X"], ["Y"], domain: "ai.onnx.ml")
            .Attr("n_targets", (long)targets).Attr("aggregate_function", (long)aggregate).Attr("post_transform", (long)transform)
            .Attr("tree_roots", Enumerable.Range(0, trees.Trees).Select(t => (long)Index(interior, t, 0)).ToArray())
            .Attr("nodes_featureids", interior.Select(n => (long)n.Feature).ToArray())
            .Attr("nodes_modes", ConstantTensor.From<byte>(DataType.UInt8, [modes.Count], modes.ToArray()))
            .Attr("nodes_splits", Values(splits))
            .Attr("nodes_truenodeids", interior.Select(n => Ref(n.Tree, n.True)).ToArray())
            .Attr("nodes_trueleafs", interior.Select(n => IsLeaf(n.Tree, n.True) ? 1L : 0L).ToArray())
            .Attr("nodes_falsenodeids", interior.Select(n => Ref(n.Tree, n.False)).ToArray())
            .Attr("nodes_falseleafs", interior.Select(n => IsLeaf(n.Tree, n.False) ? 1L : 0L).ToArray())
            .Attr("nodes_missing_value_tracks_true", interior.Select(n => n.MissingTrue ? 1L : 0L).ToArray())
            .Attr("leaf_targetids", leaves.Select(n => (long)n.Weights[0].Target).ToArray())
            .Attr("leaf_weights", Values(leaves.Select(n => (double)n.Weights[0].Weight).ToList()));
        if (membership.Count > 0) node.Attr("membership_values", Values(membership));
        return m;
    }

    private static Func<Random, List<(int, float)>> OneWeight(int targets) => rng => [(rng.Next(targets), (float)Math.Round(rng.NextDouble() * 4 - 2, 3))];

    /// <summary>Inputs on the grid and between it, with NaNs; with <paramref name="integers"/> whole
    /// numbers and NaNs only (ONNX Runtime tests membership on the integer part).</summary>
    private static Dictionary<string, Tensor> Inputs(int features, DataType type, int seed, bool integers = false)
    {
        var x = RandomTrees.Inputs(seed, 40, features);
        if (integers) x = x.Select(v => float.IsNaN(v) ? v : MathF.Round(v * 2)).ToArray();
        return new() { ["X"] = RandomTrees.Input("X", x, 40, features, type) };
    }

    [Theory]
    [InlineData(1, 1, DataType.Float, false)]
    [InlineData(1, 0, DataType.Double, true)]
    [InlineData(3, 1, DataType.Float, true)]
    [InlineData(3, 0, DataType.Double, false)]
    [InlineData(2, 2, DataType.Float, true)]
    [InlineData(2, 3, DataType.Double, true)]
    [InlineData(1, 2, DataType.Float, true)]
    public void Random_ensembles_with_set_membership_match_onnx_runtime(int targets, int aggregate, DataType type, bool members)
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            var trees = new RandomTrees(seed + 40, trees: 4, features: 3, maxDepth: 4, OneWeight(targets));
            OpTester.AssertMatchesOrt(Model(trees, targets, aggregate, 0, type, members, seed), Inputs(3, type, seed, integers: members));
        }
    }

    [Theory]
    [InlineData(1, 2)] // SOFTMAX in the specification is ONNX Runtime's 2
    [InlineData(2, 1)] // LOGISTIC in the specification is ONNX Runtime's 1
    [InlineData(3, 3)]
    public void Post_transform_follows_the_specification_numbering(int specCode, int ortCode)
    {
        var trees = new RandomTrees(5, trees: 4, features: 3, maxDepth: 3, OneWeight(3));
        var inputs = Inputs(3, DataType.Float, 5, integers: true);
        var edgeml = OpTester.RunEdgeML(Model(trees, 3, 1, specCode, DataType.Float, true, 1).ToBytes(), inputs)[0];
        var ort = OpTester.RunOrt(Model(trees, 3, 1, ortCode, DataType.Float, true, 1).ToBytes(), inputs)[0];
        var r = TensorComparison.Compare(edgeml, ort, 1e-4, 1e-5);
        Assert.True(r.Equal, r.Reason);
        if (specCode == 1)
        {
            // Softmax rows sum to one.
            var y = edgeml.ReadOnlySpan<float>();
            for (int row = 0; row < 40; row++) Assert.Equal(1f, y[(row * 3)..(row * 3 + 3)].ToArray().Sum(), 4);
        }
    }

    [Fact]
    public void A_tree_that_is_one_leaf()
    {
        // Tree 0 is a single leaf (both branches of its entry name leaf 0); tree 1 is a stump.
        var m = new OnnxModelBuilder(21).Opset("ai.onnx.ml", 5);
        m.Graph.Input("X", DataType.Float, 2, 1).Output("Y", DataType.Float, 2, 1);
        m.Graph.Node("TreeEnsemble", ["X"], ["Y"], domain: "ai.onnx.ml")
            .Attr("n_targets", 1L).Attr("tree_roots", new long[] { 0, 1 })
            .Attr("nodes_featureids", new long[] { 0, 0 })
            .Attr("nodes_modes", ConstantTensor.From<byte>(DataType.UInt8, [2], [0, 0]))
            .Attr("nodes_splits", ConstantTensor.From<float>(DataType.Float, [2], [0f, 0.5f]))
            .Attr("nodes_truenodeids", new long[] { 0, 1 }).Attr("nodes_trueleafs", new long[] { 1, 1 })
            .Attr("nodes_falsenodeids", new long[] { 0, 2 }).Attr("nodes_falseleafs", new long[] { 1, 1 })
            .Attr("leaf_targetids", new long[] { 0, 0, 0 })
            .Attr("leaf_weights", ConstantTensor.From<float>(DataType.Float, [3], [100f, 1f, 2f]));
        var inputs = new Dictionary<string, Tensor> { ["X"] = OpTester.Make("X", DataType.Float, [2, 1], 0f, 1f) };
        Assert.Equal([101f, 102f], OpTester.RunEdgeML(m.ToBytes(), inputs)[0].ReadOnlySpan<float>().ToArray());
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void Membership_is_exact_for_fractional_inputs()
    {
        // x in {0, 1} ? 5 : 7. The specification tests the value itself: 0.5 is not a member.
        // (ONNX Runtime tests the integer part of the input, so it would answer 5 for 0.5.)
        var m = new OnnxModelBuilder(21).Opset("ai.onnx.ml", 5);
        m.Graph.Input("X", DataType.Float, 4, 1).Output("Y", DataType.Float, 4, 1);
        m.Graph.Node("TreeEnsemble", ["X"], ["Y"], domain: "ai.onnx.ml")
            .Attr("n_targets", 1L).Attr("tree_roots", new long[] { 0 })
            .Attr("nodes_featureids", new long[] { 0 })
            .Attr("nodes_modes", ConstantTensor.From<byte>(DataType.UInt8, [1], [6]))
            .Attr("nodes_splits", ConstantTensor.From<float>(DataType.Float, [1], [0f]))
            .Attr("membership_values", ConstantTensor.From<float>(DataType.Float, [3], [0f, 1f, float.NaN]))
            .Attr("nodes_truenodeids", new long[] { 0 }).Attr("nodes_trueleafs", new long[] { 1 })
            .Attr("nodes_falsenodeids", new long[] { 1 }).Attr("nodes_falseleafs", new long[] { 1 })
            .Attr("leaf_targetids", new long[] { 0, 0 })
            .Attr("leaf_weights", ConstantTensor.From<float>(DataType.Float, [2], [5f, 7f]));
        var inputs = new Dictionary<string, Tensor> { ["X"] = OpTester.Make("X", DataType.Float, [4, 1], 0f, 0.5f, 1f, 2f) };
        Assert.Equal([5f, 7f, 5f, 7f], OpTester.RunEdgeML(m.ToBytes(), inputs)[0].ReadOnlySpan<float>().ToArray());
    }

    [Fact]
    public void Float16_inputs_compute_in_float()
    {
        // ONNX Runtime has no float16 kernel: the float16 model must give the float model's results
        // on the same (float16-representable) inputs, rounded to float16.
        // Weights in eighths and thresholds in quarters: exact in float16 and in float.
        var trees = new RandomTrees(17, trees: 4, features: 3, maxDepth: 4, rng => [(rng.Next(2), (rng.Next(33) - 16) * 0.125f)]);
        var values = RandomTrees.Inputs(17, 40, 3).Select(v => (float)(Half)v).ToArray();
        var floats = OpTester.Make("X", DataType.Float, [40, 3], values);
        var halves = OpTester.Make("X", DataType.Float16, [40, 3], values.Select(v => (Half)v).ToArray());
        var expected = OpTester.RunEdgeML(Model(trees, 2, 1, 0, DataType.Float, false, 1).ToBytes(), new Dictionary<string, Tensor> { ["X"] = floats })[0];
        var actual = OpTester.RunEdgeML(Model(trees, 2, 1, 0, DataType.Float16, false, 1).ToBytes(), new Dictionary<string, Tensor> { ["X"] = halves })[0];
        Assert.Equal(DataType.Float16, actual.Type);
        Assert.Equal(expected.ReadOnlySpan<float>().ToArray().Select(v => (Half)v).ToArray(), actual.ReadOnlySpan<Half>().ToArray());
    }
}

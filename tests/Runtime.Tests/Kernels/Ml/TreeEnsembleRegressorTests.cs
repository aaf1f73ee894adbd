using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class TreeEnsembleRegressorTests
{
    private static OnnxModelBuilder Model(RandomTrees trees, int targets, string aggregate, string transform, float[]? baseValues, DataType inputType, bool asTensor = false, int mlOpset = 3)
    {
        var m = new OnnxModelBuilder(17).Opset("ai.onnx.ml", mlOpset);
        m.Graph.Input("X", inputType, null, trees.Features).Output("Y", DataType.Float, null, targets);
        var n = m.Graph.Node("TreeEnsembleRegressor", ["X"], ["Y"], domain: "ai.onnx.ml")
            .Attr("n_targets", (long)targets).Attr("aggregate_function", aggregate).Attr("post_transform", transform);
        if (baseValues != null) n.Attr("base_values", baseValues);
        trees.SetV3(n, "target", asTensor);
        return m;
    }

    private static Func<Random, List<(int, float)>> Leaves(int targets) => rng =>
    {
        var list = new List<(int, float)>();
        for (int t = 0; t < targets; t++)
            if (t == 0 || rng.Next(3) > 0) list.Add((t, (float)Math.Round(rng.NextDouble() * 4 - 2, 3)));
        return list.OrderBy(_ => rng.Next()).ToList();
    };

    [Theory]
    [InlineData("SUM", "NONE", 1, 0)]
    [InlineData("SUM", "NONE", 1, 1)]
    [InlineData("AVERAGE", "NONE", 1, 1)]
    [InlineData("MIN", "NONE", 1, 1)]
    [InlineData("MAX", "NONE", 1, 0)]
    [InlineData("SUM", "LOGISTIC", 1, 1)]
    [InlineData("SUM", "NONE", 3, 0)]
    [InlineData("SUM", "NONE", 3, 3)]
    [InlineData("AVERAGE", "NONE", 3, 3)]
    [InlineData("MIN", "NONE", 3, 3)]
    [InlineData("MAX", "NONE", 3, 0)]
    [InlineData("SUM", "SOFTMAX", 3, 3)]
    [InlineData("SUM", "LOGISTIC", 2, 2)]
    [InlineData("MAX", "SOFTMAX_ZERO", 3, 0)]
    public void Random_ensembles_match_onnx_runtime(string aggregate, string transform, int targets, int baseCount)
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            var trees = new RandomTrees(seed, trees: 5, features: 4, maxDepth: 4, Leaves(targets));
            float[]? baseValues = baseCount == 0 ? null : Enumerable.Range(0, baseCount).Select(i => 0.5f - i * 0.75f).ToArray();
            var m = Model(trees, targets, aggregate, transform, baseValues, DataType.Float);
            var x = RandomTrees.Input("X", RandomTrees.Inputs(seed * 7, 40, 4), 40, 4, DataType.Float);
            OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["X"] = x });
        }
    }

    [Theory]
    [InlineData(DataType.Double, false)]
    [InlineData(DataType.Double, true)]
    public void Input_types_and_double_attributes_match_onnx_runtime(DataType type, bool asTensor)
    {
        var trees = new RandomTrees(11, trees: 6, features: 3, maxDepth: 5, Leaves(2));
        var m = Model(trees, 2, "SUM", "NONE", [0.25f, -1f], type, asTensor);
        var x = RandomTrees.Input("X", RandomTrees.Inputs(5, 50, 3, nan: type == DataType.Double), 50, 3, type);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["X"] = x });
    }

    [Theory]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.Int32)]
    public void Integer_inputs_give_the_float_results(DataType type)
    {
        // ONNX Runtime has no integer kernel for this operator; the specification allows int32 and
        // int64, compared as floats.
        var trees = new RandomTrees(12, trees: 4, features: 3, maxDepth: 4, Leaves(1));
        var ints = RandomTrees.Input("X", RandomTrees.Inputs(9, 30, 3, nan: false), 30, 3, type);
        var floats = OpTester.Make("X", DataType.Float, [30, 3], Enumerable.Range(0, 90).Select(i => (float)EdgeML.Runtime.Kernels.Common.KernelHelpers.GetDouble(ints, i)).ToArray());
        var expected = OpTester.RunEdgeML(Model(trees, 1, "SUM", "NONE", null, DataType.Float).ToBytes(), new Dictionary<string, Tensor> { ["X"] = floats })[0];
        var actual = OpTester.RunEdgeML(Model(trees, 1, "SUM", "NONE", null, type).ToBytes(), new Dictionary<string, Tensor> { ["X"] = ints })[0];
        Assert.Equal(expected.ReadOnlySpan<float>().ToArray(), actual.ReadOnlySpan<float>().ToArray());
    }

    [Fact]
    public void One_base_value_for_several_targets_is_rejected_like_onnx_runtime()
    {
        var trees = new RandomTrees(1, trees: 2, features: 2, maxDepth: 2, Leaves(2));
        var m = Model(trees, 2, "SUM", "NONE", [1f], DataType.Float);
        var x = RandomTrees.Input("X", RandomTrees.Inputs(1, 2, 2), 2, 2, DataType.Float);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["X"] = x }));
        Assert.Contains("base_values", e.Message);
        Assert.Throws<EdgeMLException>(() => OpTester.RunOrt(m.ToBytes(), new Dictionary<string, Tensor> { ["X"] = x }));
    }

    [Fact]
    public void Probit_of_a_single_target_matches_onnx_runtime()
    {
        // Leaf values in (0, 1) so that the probit is finite.
        var trees = new RandomTrees(3, trees: 1, features: 2, maxDepth: 3, rng => [(0, (float)(0.05 + rng.NextDouble() * 0.9))]);
        var m = Model(trees, 1, "SUM", "PROBIT", null, DataType.Float);
        var x = RandomTrees.Input("X", RandomTrees.Inputs(2, 30, 2), 30, 2, DataType.Float);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["X"] = x });
    }

    [Fact]
    public void Hand_computed_stump()
    {
        // One stump: x0 <= 0.5 ? 1 : 3, plus a base value of 10.
        var m = new OnnxModelBuilder(17).Opset("ai.onnx.ml", 3);
        m.Graph.Input("X", DataType.Float, 3, 1).Output("Y", DataType.Float, 3, 1);
        m.Graph.Node("TreeEnsembleRegressor", ["X"], ["Y"], domain: "ai.onnx.ml")
            .Attr("n_targets", 1L).Attr("base_values", new[] { 10f })
            .Attr("nodes_treeids", new long[] { 0, 0, 0 }).Attr("nodes_nodeids", new long[] { 0, 1, 2 })
            .Attr("nodes_featureids", new long[] { 0, 0, 0 }).Attr("nodes_values", new[] { 0.5f, 0, 0 })
            .Attr("nodes_modes", new[] { "BRANCH_LEQ", "LEAF", "LEAF" })
            .Attr("nodes_truenodeids", new long[] { 1, 0, 0 }).Attr("nodes_falsenodeids", new long[] { 2, 0, 0 })
            .Attr("target_treeids", new long[] { 0, 0 }).Attr("target_nodeids", new long[] { 1, 2 })
            .Attr("target_ids", new long[] { 0, 0 }).Attr("target_weights", new[] { 1f, 3f });
        var x = OpTester.Make("X", DataType.Float, [3, 1], 0.5f, 0.75f, float.NaN);
        var y = OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["X"] = x })[0];
        Assert.Equal([11f, 13f, 13f], y.ReadOnlySpan<float>().ToArray());
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["X"] = x });
    }
}

using EdgeML.Training.Explainability;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Models;

/// <summary>A single CART tree; leaf vectors are class shares (classification) or one value (regression).</summary>
internal sealed class DecisionTreeModel((TreeStructure Tree, double[][] Values) fitted, int classes) : TrainedModel
{
    private readonly TreeStructure _tree = fitted.Tree;
    private readonly double[][] _values = fitted.Values;

    public override string Name => "decision_tree";
    public int NodeCount => _tree.Feature.Length;
    public int Depth => DepthOf(0);

    private int DepthOf(int node) => _tree.IsLeaf(node) ? 0 : 1 + Math.Max(DepthOf(_tree.Left[node]), DepthOf(_tree.Right[node]));

    private int Leaf(float[] x)
    {
        var node = 0;
        while (!_tree.IsLeaf(node)) node = x[_tree.Feature[node]] <= (float)_tree.Threshold[node] ? _tree.Left[node] : _tree.Right[node];
        return node;
    }

    public override ModelOutput Predict(float[][] features) => classes >= 2
        ? new ModelOutput(features.Select(x => (double[])_values[Leaf(x)].Clone()).ToArray(), null)
        : new ModelOutput(null, features.Select(x => _values[Leaf(x)][0]).ToArray());

    // For TreeSHAP: a binary tree explains P(positive), a regression tree its value.
    public override IReadOnlyList<TreeStructure>? Trees => classes is 0 or 2 ? [_tree] : null;

    public override string EmitOnnx(OnnxGraphBuilder graph, string features)
    {
        var count = _tree.Feature.Length;
        var nodes = Enumerable.Range(0, count).ToArray();
        var attributes = new List<Onnx.Proto.AttributeProto>
        {
            OnnxGraphBuilder.Ints("nodes_treeids", nodes.Select(_ => 0L)),
            OnnxGraphBuilder.Ints("nodes_nodeids", nodes.Select(n => (long)n)),
            OnnxGraphBuilder.Ints("nodes_featureids", nodes.Select(n => (long)Math.Max(0, _tree.Feature[n]))),
            OnnxGraphBuilder.FloatList("nodes_values", nodes.Select(n => (float)_tree.Threshold[n])),
            OnnxGraphBuilder.Strings("nodes_modes", nodes.Select(n => _tree.IsLeaf(n) ? "LEAF" : "BRANCH_LEQ")),
            OnnxGraphBuilder.Ints("nodes_truenodeids", nodes.Select(n => (long)Math.Max(0, _tree.Left[n]))),
            OnnxGraphBuilder.Ints("nodes_falsenodeids", nodes.Select(n => (long)Math.Max(0, _tree.Right[n]))),
            OnnxGraphBuilder.String("post_transform", "NONE"),
        };
        var leaves = nodes.Where(_tree.IsLeaf).ToArray();
        if (classes < 2)
        {
            attributes.Add(OnnxGraphBuilder.Int("n_targets", 1));
            attributes.Add(OnnxGraphBuilder.Ints("target_treeids", leaves.Select(_ => 0L)));
            attributes.Add(OnnxGraphBuilder.Ints("target_nodeids", leaves.Select(n => (long)n)));
            attributes.Add(OnnxGraphBuilder.Ints("target_ids", leaves.Select(_ => 0L)));
            attributes.Add(OnnxGraphBuilder.FloatList("target_weights", leaves.Select(n => (float)_values[n][0])));
            return graph.MlOp("TreeEnsembleRegressor", [features], attributes.ToArray());
        }
        var pairs = leaves.SelectMany(n => Enumerable.Range(0, classes).Select(k => (Node: n, Class: k))).ToArray();
        attributes.Add(OnnxGraphBuilder.Ints("classlabels_int64s", Enumerable.Range(0, classes).Select(k => (long)k)));
        attributes.Add(OnnxGraphBuilder.Ints("class_treeids", pairs.Select(_ => 0L)));
        attributes.Add(OnnxGraphBuilder.Ints("class_nodeids", pairs.Select(p => (long)p.Node)));
        attributes.Add(OnnxGraphBuilder.Ints("class_ids", pairs.Select(p => (long)p.Class)));
        attributes.Add(OnnxGraphBuilder.FloatList("class_weights", pairs.Select(p => (float)_values[p.Node][p.Class])));
        var outputs = graph.OpMulti("TreeEnsembleClassifier", [features], 2, OnnxGraphBuilder.MlDomain, attributes.ToArray());
        return outputs[1];
    }
}

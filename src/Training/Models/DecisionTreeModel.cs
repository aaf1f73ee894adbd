using EdgeML.Training.Explainability;
using EdgeML.Compiler.Onnx;
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
        var nodes = Enumerable.Range(0, _tree.Feature.Length).ToArray();
        var leaves = nodes.Where(_tree.IsLeaf).ToArray();
        OnnxNodeBuilder Structure(OnnxNodeBuilder node) => node
            .Attr("nodes_treeids", nodes.Select(_ => 0L).ToArray())
            .Attr("nodes_nodeids", nodes.Select(n => (long)n).ToArray())
            .Attr("nodes_featureids", nodes.Select(n => (long)Math.Max(0, _tree.Feature[n])).ToArray())
            .Attr("nodes_values", nodes.Select(n => (float)_tree.Threshold[n]).ToArray())
            .Attr("nodes_modes", nodes.Select(n => _tree.IsLeaf(n) ? "LEAF" : "BRANCH_LEQ").ToArray())
            .Attr("nodes_truenodeids", nodes.Select(n => (long)Math.Max(0, _tree.Left[n])).ToArray())
            .Attr("nodes_falsenodeids", nodes.Select(n => (long)Math.Max(0, _tree.Right[n])).ToArray())
            .Attr("post_transform", "NONE");
        if (classes < 2)
        {
            return Structure(graph.ApplyMl("TreeEnsembleRegressor", features))
                .Attr("n_targets", 1)
                .Attr("target_treeids", leaves.Select(_ => 0L).ToArray())
                .Attr("target_nodeids", leaves.Select(n => (long)n).ToArray())
                .Attr("target_ids", leaves.Select(_ => 0L).ToArray())
                .Attr("target_weights", leaves.Select(n => (float)_values[n][0]).ToArray());
        }
        var pairs = leaves.SelectMany(n => Enumerable.Range(0, classes).Select(k => (Node: n, Class: k))).ToArray();
        var classifier = Structure(graph.Apply("TreeEnsembleClassifier", OnnxModelBuilder.MlDomain, 2, features))
            .Attr("classlabels_int64s", Enumerable.Range(0, classes).Select(k => (long)k).ToArray())
            .Attr("class_treeids", pairs.Select(_ => 0L).ToArray())
            .Attr("class_nodeids", pairs.Select(p => (long)p.Node).ToArray())
            .Attr("class_ids", pairs.Select(p => (long)p.Class).ToArray())
            .Attr("class_weights", pairs.Select(p => (float)_values[p.Node][p.Class]).ToArray());
        return classifier.Outputs[1];
    }
}

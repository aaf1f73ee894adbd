using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

/// <summary>Random tree ensembles for the tree operators' tests: every node mode, missing-value
/// directions, thresholds on a coarse grid so that inputs hit them exactly (EQ, LEQ vs LT), and
/// inputs with NaNs.</summary>
internal sealed class RandomTrees
{
    public sealed record Node(int Tree, int Id, int Feature, string Mode, float Threshold, bool MissingTrue, int True, int False, List<(int Target, float Weight)> Weights);

    public List<Node> Nodes { get; } = [];
    public int Trees { get; }
    public int Features { get; }

    private static readonly string[] BranchModes = ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ"];

    /// <param name="leafWeights">weights of one leaf: (target, weight) pairs, from the random source.</param>
    public RandomTrees(int seed, int trees, int features, int maxDepth, Func<Random, List<(int, float)>> leafWeights, string[]? modes = null, bool missing = true)
    {
        var rng = new Random(seed);
        Trees = trees;
        Features = features;
        modes ??= BranchModes;
        for (int t = 0; t < trees; t++)
        {
            int next = 0;
            var pending = new List<Node>();
            int Build(int depth)
            {
                int id = next++;
                if (depth >= maxDepth || (depth > 0 && rng.NextDouble() < 0.25))
                {
                    pending.Add(new Node(t, id, 0, "LEAF", 0, false, 0, 0, leafWeights(rng)));
                    return id;
                }
                var node = new Node(t, id, rng.Next(features), modes[rng.Next(modes.Length)], Grid(rng), missing && rng.Next(2) == 1, 0, 0, []);
                pending.Add(node);
                int yes = Build(depth + 1);
                int no = Build(depth + 1);
                pending[pending.IndexOf(node)] = node with { True = yes, False = no };
                return id;
            }
            Build(0);
            // Shuffle the node order within the tree: ids, not positions, link the nodes.
            Nodes.AddRange(pending.OrderBy(_ => rng.Next()).OrderBy(n => n.Id == 0 ? 0 : 1));
        }
    }

    public static float Grid(Random rng) => (rng.Next(9) - 4) * 0.25f;

    /// <summary>Rows of features on the threshold grid, between grid points, and NaN.</summary>
    public static float[] Inputs(int seed, int rows, int features, bool nan = true)
    {
        var rng = new Random(seed);
        var x = new float[rows * features];
        for (int i = 0; i < x.Length; i++)
        {
            int kind = rng.Next(10);
            x[i] = kind == 0 && nan ? float.NaN : kind < 5 ? Grid(rng) : (float)(rng.NextDouble() * 2.4 - 1.2);
        }
        return x;
    }

    /// <summary>The deprecated operators' node and weight attributes (prefix "target" or "class").</summary>
    public void SetV3(OnnxNodeBuilder n, string weightPrefix, bool asTensor = false)
    {
        n.Attr("nodes_treeids", Nodes.Select(x => (long)x.Tree).ToArray())
         .Attr("nodes_nodeids", Nodes.Select(x => (long)x.Id).ToArray())
         .Attr("nodes_featureids", Nodes.Select(x => (long)x.Feature).ToArray())
         .Attr("nodes_modes", Nodes.Select(x => x.Mode).ToArray())
         .Attr("nodes_truenodeids", Nodes.Select(x => (long)x.True).ToArray())
         .Attr("nodes_falsenodeids", Nodes.Select(x => (long)x.False).ToArray())
         .Attr("nodes_missing_value_tracks_true", Nodes.Select(x => x.MissingTrue ? 1L : 0L).ToArray());
        var leaves = Nodes.Where(x => x.Mode == "LEAF").SelectMany(x => x.Weights.Select(w => (x.Tree, x.Id, w.Target, w.Weight))).ToList();
        n.Attr(weightPrefix + "_treeids", leaves.Select(w => (long)w.Tree).ToArray())
         .Attr(weightPrefix + "_nodeids", leaves.Select(w => (long)w.Id).ToArray())
         .Attr(weightPrefix + "_ids", leaves.Select(w => (long)w.Target).ToArray());
        if (asTensor)
        {
            n.Attr("nodes_values_as_tensor", ConstantTensor.From<double>(DataType.Double, [Nodes.Count], Nodes.Select(x => (double)x.Threshold).ToArray()));
            n.Attr(weightPrefix + "_weights_as_tensor", ConstantTensor.From<double>(DataType.Double, [leaves.Count], leaves.Select(w => (double)w.Weight).ToArray()));
        }
        else
        {
            n.Attr("nodes_values", Nodes.Select(x => x.Threshold).ToArray());
            n.Attr(weightPrefix + "_weights", leaves.Select(w => w.Weight).ToArray());
        }
    }

    public static Tensor Input(string name, float[] values, int rows, int features, DataType type)
    {
        long[] shape = [rows, features];
        return type switch
        {
            DataType.Float => OpTester.Make("X", type, shape, values),
            DataType.Double => OpTester.Make("X", type, shape, values.Select(v => (double)v).ToArray()),
            DataType.Int64 => OpTester.Make("X", type, shape, values.Select(v => float.IsNaN(v) ? 0L : (long)MathF.Round(v * 4)).ToArray()),
            DataType.Int32 => OpTester.Make("X", type, shape, values.Select(v => float.IsNaN(v) ? 0 : (int)MathF.Round(v * 4)).ToArray()),
            _ => throw new ArgumentException(type.ToString()),
        };
    }
}

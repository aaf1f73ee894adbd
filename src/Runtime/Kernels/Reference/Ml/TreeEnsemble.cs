using System.Numerics;
using EdgeML.Runtime.Kernels.Common.Ml;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference.Ml;

/// <summary>
/// ai.onnx.ml TreeEnsemble (5): interior nodes and leaves as separate tuples, trees named by their
/// roots, thresholds, leaf weights and set members as tensors, BRANCH_MEMBER nodes testing
/// membership in a NaN-delimited set. Computes in the input type (float16 in float) and writes it.
/// post_transform follows the specification's numbering (NONE 0, SOFTMAX 1, LOGISTIC 2,
/// SOFTMAX_ZERO 3, PROBIT 4); ONNX Runtime reads 1 as LOGISTIC and 2 as SOFTMAX.
/// </summary>
public sealed class TreeEnsemble : Kernel
{
    private readonly TreeEnsembleCore _trees;
    private readonly int _targets;
    private readonly PostTransform _transform;
    private float[] _rowF = [];
    private double[] _rowD = [];
    private float[] _scoresF = [];
    private double[] _scoresD = [];
    private bool[] _has = [];
    private float[] _transformScratch = [];

    private TreeEnsemble(TreeEnsembleCore trees, int targets, PostTransform transform)
    {
        _trees = trees;
        _targets = targets;
        _transform = transform;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long targets = a.GetInt("n_targets", 0);
        if (targets <= 0) throw info.Error("n_targets must be positive");
        long aggregate = a.GetInt("aggregate_function", 1);
        if (aggregate is < 0 or > 3) throw info.Error($"aggregate_function {aggregate} is not one of 0 (AVERAGE), 1 (SUM), 2 (MIN), 3 (MAX)");
        var transform = a.GetInt("post_transform", 0) switch
        {
            0 => PostTransform.None,
            1 => PostTransform.Softmax,
            2 => PostTransform.Logistic,
            3 => PostTransform.SoftmaxZero,
            4 => PostTransform.Probit,
            var p => throw info.Error($"post_transform {p} is not one of 0 to 4"),
        };

        var roots = a.GetInts("tree_roots", []);
        var featureIds = a.GetInts("nodes_featureids", []);
        var trueIds = a.GetInts("nodes_truenodeids", []);
        var falseIds = a.GetInts("nodes_falsenodeids", []);
        var trueLeafs = a.GetInts("nodes_trueleafs", []);
        var falseLeafs = a.GetInts("nodes_falseleafs", []);
        var missing = a.GetInts("nodes_missing_value_tracks_true", []);
        var leafTargets = a.GetInts("leaf_targetids", []);
        var modes = Tensor("nodes_modes", info);
        var splits = Tensor("nodes_splits", info);
        var weights = Tensor("leaf_weights", info);
        var membership = a.GetTensor("membership_values") is { } m ? MlScores.TensorAsDoubles(m, info, "membership_values") : [];
        int n = featureIds.Length;
        if (trueIds.Length != n || falseIds.Length != n || trueLeafs.Length != n || falseLeafs.Length != n || modes.Length != n || splits.Length != n)
            throw info.Error("nodes_featureids, nodes_modes, nodes_splits, nodes_truenodeids, nodes_trueleafs, nodes_falsenodeids and nodes_falseleafs must have the same length");
        if (missing.Length != 0 && missing.Length != n) throw info.Error("nodes_missing_value_tracks_true must have one value per node");
        if (leafTargets.Length != weights.Length) throw info.Error("leaf_targetids and leaf_weights must have the same length");
        if (roots.Length == 0) throw info.Error("tree_roots is empty");

        // Interior nodes keep their positions; leaf i becomes node n + i.
        var b = new TreeEnsembleCore.Builder();
        int nextMember = 0;
        for (int i = 0; i < n; i++)
        {
            var mode = (int)modes[i] switch
            {
                0 => TreeNodeMode.BranchLeq,
                1 => TreeNodeMode.BranchLt,
                2 => TreeNodeMode.BranchGte,
                3 => TreeNodeMode.BranchGt,
                4 => TreeNodeMode.BranchEq,
                5 => TreeNodeMode.BranchNeq,
                6 => TreeNodeMode.BranchMember,
                var x => throw info.Error($"nodes_modes[{i}] = {x} is not a node mode (0 to 6)"),
            };
            double[]? members = null;
            if (mode == TreeNodeMode.BranchMember)
            {
                var set = new List<double>();
                while (nextMember < membership.Length && !double.IsNaN(membership[nextMember])) set.Add(membership[nextMember++]);
                nextMember++;
                members = set.ToArray();
            }
            b.AddNode((int)featureIds[i], mode, splits[i], missing.Length > 0 && missing[i] == 1, members);
        }
        for (int i = 0; i < weights.Length; i++)
        {
            if (leafTargets[i] < 0 || leafTargets[i] >= targets) throw info.Error($"leaf_targetids[{i}] = {leafTargets[i]} is out of range for {targets} targets");
            int leaf = b.AddNode(0, TreeNodeMode.Leaf, 0, false);
            b.Weights[leaf].Add(((int)leafTargets[i], weights[i]));
        }
        for (int i = 0; i < n; i++)
        {
            b.True[i] = Child(trueIds[i], trueLeafs[i] != 0, n, weights.Length, info, i);
            b.False[i] = Child(falseIds[i], falseLeafs[i] != 0, n, weights.Length, info, i);
        }
        foreach (var r in roots)
        {
            if (r < 0 || r >= n) throw info.Error($"tree root {r} is out of range for {n} nodes");
            // A tree that is one leaf: both branches of its single entry name the same leaf.
            bool single = trueLeafs[r] != 0 && falseLeafs[r] != 0 && trueIds[r] == falseIds[r];
            b.Roots.Add(single ? b.True[(int)r] : (int)r);
        }
        var trees = new TreeEnsembleCore(b, (TreeAggregate)aggregate, info);
        return new TreeEnsemble(trees, (int)targets, transform);
    }

    private static int Child(long id, bool leaf, int nodes, int leaves, KernelInfo info, int i)
    {
        if (id < 0 || id >= (leaf ? leaves : nodes)) throw info.Error($"node {i}: branch {id} is out of range");
        return leaf ? nodes + (int)id : (int)id;
    }

    private static double[] Tensor(string name, KernelInfo info)
        => info.Attributes.GetTensor(name) is { } t ? MlScores.TensorAsDoubles(t, info, name) : throw info.Error($"attribute {name} is required");

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var (rows, columns) = _trees.CheckInput(x, context);
        var y = context.Output(0);
        Span<long> shape = [rows, _targets];
        switch (x.Type)
        {
            case DataType.Double:
                y.Allocate(DataType.Double, shape);
                Run(x, rows, columns, y.Span<double>(), ref _rowD, ref _scoresD, context);
                break;
            case DataType.Float:
                y.Allocate(DataType.Float, shape);
                Run(x, rows, columns, y.Span<float>(), ref _rowF, ref _scoresF, context);
                break;
            case DataType.Float16:
                y.Allocate(DataType.Float16, shape);
                RunHalf(x, rows, columns, y.Span<Half>(), context);
                break;
            default:
                throw context.Error($"input type {DataTypeInfo.Name(x.Type)} is not supported (float, double, float16)");
        }
    }

    private void RunHalf(Tensor x, int rows, int columns, Span<Half> output, KernelContext context)
    {
        if (_scoresF.Length < _targets) _scoresF = new float[_targets];
        if (_has.Length < _targets) _has = new bool[_targets];
        var transformScratch = EnsureFloats(_targets);
        for (int r = 0; r < rows; r++)
        {
            var features = TreeEnsembleCore.Row(x, r, columns, ref _rowF, context);
            var o = output.Slice(r * _targets, _targets);
            if (_targets == 1)
            {
                float s = _trees.AccumulateSingle(features, out bool has);
                o[0] = (Half)TreeScores.FinishSingle(s, has, _trees, [], _transform);
                continue;
            }
            var sc = _scoresF.AsSpan(0, _targets);
            var h = _has.AsSpan(0, _targets);
            _trees.Accumulate(features, sc, h);
            TreeScores.FinishMany(sc, h, _trees, [], _transform, transformScratch);
            for (int j = 0; j < _targets; j++) o[j] = (Half)sc[j];
        }
    }

    private float[] EnsureFloats(int n)
    {
        if (_transformScratch.Length < n) _transformScratch = new float[n];
        return _transformScratch;
    }

    private void Run<T>(Tensor x, int rows, int columns, Span<T> output, ref T[] row, ref T[] scores, KernelContext context)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (scores.Length < _targets) scores = new T[_targets];
        if (_has.Length < _targets) _has = new bool[_targets];
        var floats = EnsureFloats(_targets);
        for (int r = 0; r < rows; r++)
        {
            var features = TreeEnsembleCore.Row(x, r, columns, ref row, context);
            var o = output.Slice(r * _targets, _targets);
            if (_targets == 1)
            {
                T s = _trees.AccumulateSingle(features, out bool has);
                o[0] = TreeScores.FinishSingle(s, has, _trees, [], _transform);
                continue;
            }
            var sc = scores.AsSpan(0, _targets);
            var h = _has.AsSpan(0, _targets);
            _trees.Accumulate(features, sc, h);
            TreeScores.FinishMany(sc, h, _trees, [], _transform, floats);
            sc.CopyTo(o);
        }
    }
}

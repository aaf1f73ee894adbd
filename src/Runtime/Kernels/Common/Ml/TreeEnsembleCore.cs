using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common.Ml;

/// <summary>How a tree node compares its feature with its threshold (or set), or that it is a leaf.</summary>
public enum TreeNodeMode : byte
{
    BranchLeq = 0,
    BranchLt = 1,
    BranchGte = 2,
    BranchGt = 3,
    BranchEq = 4,
    BranchNeq = 5,
    BranchMember = 6,
    Leaf = 7,
}

/// <summary>How the leaf values of the trees combine within a target (ONNX's order: AVERAGE 0, SUM 1, MIN 2, MAX 3).</summary>
public enum TreeAggregate : byte
{
    Average = 0,
    Sum = 1,
    Min = 2,
    Max = 3,
}

/// <summary>
/// A tree ensemble flattened into arrays when the kernel is created: per node its feature,
/// threshold, mode, missing-value direction and children, per leaf a run of (target, weight) pairs,
/// per set-membership node a run of members. <see cref="Leaf{T}"/> walks one tree for one row with a
/// tight loop; <see cref="Accumulate{T}"/> and <see cref="AccumulateSingle{T}"/> aggregate all trees
/// the way ONNX Runtime does. Thresholds and weights are kept in float and in double: the
/// deprecated operators compare in double only for double inputs, TreeEnsemble in its own type.
/// </summary>
public sealed class TreeEnsembleCore
{
    private readonly int[] _feature;
    private readonly TreeNodeMode[] _mode;
    private readonly bool[] _missingTrue;
    private readonly int[] _true;
    private readonly int[] _false;
    private readonly float[] _thresholdF;
    private readonly double[] _thresholdD;
    // Leaves: their weights are _weight*[_first[n] .. _first[n] + _count[n]).
    private readonly int[] _first;
    private readonly int[] _count;
    private readonly int[] _target;
    private readonly float[] _weightF;
    private readonly double[] _weightD;
    // Set-membership nodes: their members are _member*[_first[n] .. _first[n] + _count[n]).
    private readonly float[] _memberF;
    private readonly double[] _memberD;

    public int[] Roots { get; }
    public int TreeCount => Roots.Length;
    public int MaxFeature { get; }
    public TreeAggregate Aggregate { get; }

    /// <summary>The ensemble as the kernels parsed it; node indices refer to the parallel arrays.</summary>
    public sealed class Builder
    {
        public List<int> Feature { get; } = [];
        public List<TreeNodeMode> Mode { get; } = [];
        public List<bool> MissingTrue { get; } = [];
        public List<int> True { get; } = [];
        public List<int> False { get; } = [];
        public List<double> Threshold { get; } = [];
        public List<double[]> Members { get; } = [];
        public List<List<(int Target, double Weight)>> Weights { get; } = [];
        public List<int> Roots { get; } = [];

        public int AddNode(int feature, TreeNodeMode mode, double threshold, bool missingTrue, double[]? members = null)
        {
            Feature.Add(feature);
            Mode.Add(mode);
            Threshold.Add(threshold);
            MissingTrue.Add(missingTrue);
            True.Add(-1);
            False.Add(-1);
            Members.Add(members ?? []);
            Weights.Add([]);
            return Feature.Count - 1;
        }
    }

    public TreeEnsembleCore(Builder b, TreeAggregate aggregate, KernelInfo info)
    {
        int n = b.Feature.Count;
        Aggregate = aggregate;
        Roots = b.Roots.ToArray();
        _feature = b.Feature.ToArray();
        _mode = b.Mode.ToArray();
        _missingTrue = b.MissingTrue.ToArray();
        _true = b.True.ToArray();
        _false = b.False.ToArray();
        _thresholdD = b.Threshold.ToArray();
        _thresholdF = Array.ConvertAll(_thresholdD, x => (float)x);
        _first = new int[n];
        _count = new int[n];
        var targets = new List<int>();
        var weights = new List<double>();
        var members = new List<double>();
        int maxFeature = -1;
        for (int i = 0; i < n; i++)
        {
            if (_mode[i] == TreeNodeMode.Leaf)
            {
                _first[i] = weights.Count;
                _count[i] = b.Weights[i].Count;
                foreach (var (t, w) in b.Weights[i])
                {
                    targets.Add(t);
                    weights.Add(w);
                }
                continue;
            }
            if (_true[i] < 0 || _true[i] >= n || _false[i] < 0 || _false[i] >= n) throw info.Error($"tree node {i} has a child out of range");
            if (_true[i] == i || _false[i] == i) throw info.Error($"tree node {i} is its own child");
            maxFeature = Math.Max(maxFeature, _feature[i]);
            if (_feature[i] < 0) throw info.Error($"tree node {i} has a negative feature id");
            if (_mode[i] == TreeNodeMode.BranchMember)
            {
                _first[i] = members.Count;
                _count[i] = b.Members[i].Length;
                members.AddRange(b.Members[i]);
            }
        }
        foreach (var r in Roots) if (r < 0 || r >= n) throw info.Error($"tree root {r} is out of range");
        MaxFeature = maxFeature;
        _target = targets.ToArray();
        _weightD = weights.ToArray();
        _weightF = Array.ConvertAll(_weightD, x => (float)x);
        _memberD = members.ToArray();
        _memberF = Array.ConvertAll(_memberD, x => (float)x);
        CheckAcyclic(info);
    }

    /// <summary>Every tree must reach a leaf from its root: a cycle would hang evaluation.</summary>
    private void CheckAcyclic(KernelInfo info)
    {
        var state = new byte[_mode.Length]; // 0 unseen, 1 on the path, 2 done
        var stack = new Stack<(int Node, bool Exit)>();
        foreach (var root in Roots)
        {
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, exit) = stack.Pop();
                if (exit)
                {
                    state[node] = 2;
                    continue;
                }
                if (state[node] == 2) continue;
                if (state[node] == 1) throw info.Error($"the trees have a cycle through node {node}");
                state[node] = 1;
                stack.Push((node, true));
                if (_mode[node] == TreeNodeMode.Leaf) continue;
                stack.Push((_true[node], false));
                stack.Push((_false[node], false));
            }
        }
    }

    private T[] Thresholds<T>() => typeof(T) == typeof(float) ? (T[])(object)_thresholdF : (T[])(object)_thresholdD;
    private T[] Weights<T>() => typeof(T) == typeof(float) ? (T[])(object)_weightF : (T[])(object)_weightD;
    private T[] Members<T>() => typeof(T) == typeof(float) ? (T[])(object)_memberF : (T[])(object)_memberD;

    /// <summary>Walks the tree rooted at <paramref name="node"/> for the feature row <paramref name="x"/>
    /// and returns the leaf reached. A NaN feature takes the true branch when the node says missing
    /// values track true, otherwise whatever its comparison gives (false but for NEQ).</summary>
    public int Leaf<T>(int node, ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var threshold = Thresholds<T>();
        while (true)
        {
            var mode = _mode[node];
            if (mode == TreeNodeMode.Leaf) return node;
            T v = x[_feature[node]];
            T t = threshold[node];
            bool go = mode switch
            {
                TreeNodeMode.BranchLeq => v <= t,
                TreeNodeMode.BranchLt => v < t,
                TreeNodeMode.BranchGte => v >= t,
                TreeNodeMode.BranchGt => v > t,
                TreeNodeMode.BranchEq => v == t,
                TreeNodeMode.BranchNeq => v != t,
                _ => IsMember(node, v),
            };
            if (!go && _missingTrue[node] && T.IsNaN(v)) go = true;
            node = go ? _true[node] : _false[node];
        }
    }

    private bool IsMember<T>(int node, T v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var members = Members<T>();
        int end = _first[node] + _count[node];
        for (int i = _first[node]; i < end; i++) if (members[i] == v) return true;
        return false;
    }

    /// <summary>Aggregates every tree's leaf weights for one row into <paramref name="scores"/>
    /// (one per target, zeroed here) and marks in <paramref name="has"/> the targets some leaf scored.</summary>
    public void Accumulate<T>(ReadOnlySpan<T> x, Span<T> scores, Span<bool> has) where T : unmanaged, IFloatingPointIeee754<T>
    {
        scores.Clear();
        has.Clear();
        var weights = Weights<T>();
        foreach (var root in Roots)
        {
            int leaf = Leaf(root, x);
            int end = _first[leaf] + _count[leaf];
            for (int k = _first[leaf]; k < end; k++)
            {
                int t = _target[k];
                T w = weights[k];
                switch (Aggregate)
                {
                    case TreeAggregate.Min:
                        if (!has[t] || w < scores[t]) scores[t] = w;
                        break;
                    case TreeAggregate.Max:
                        if (!has[t] || w > scores[t]) scores[t] = w;
                        break;
                    default:
                        scores[t] += w;
                        break;
                }
                has[t] = true;
            }
        }
    }

    /// <summary>The single-target path: only the first weight of each leaf counts. Returns the sum
    /// (SUM, AVERAGE) or extreme (MIN, MAX) and whether any leaf contributed to the extreme.</summary>
    public T AccumulateSingle<T>(ReadOnlySpan<T> x, out bool has) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var weights = Weights<T>();
        T score = T.Zero;
        has = false;
        foreach (var root in Roots)
        {
            int leaf = Leaf(root, x);
            if (_count[leaf] == 0) continue;
            T w = weights[_first[leaf]];
            switch (Aggregate)
            {
                case TreeAggregate.Min:
                    if (!has || w < score) score = w;
                    has = true;
                    break;
                case TreeAggregate.Max:
                    if (!has || w > score) score = w;
                    has = true;
                    break;
                default:
                    score += w;
                    break;
            }
        }
        return score;
    }

    /// <summary>Checks the input has the features the trees read; returns (rows, features).</summary>
    public (int Rows, int Columns) CheckInput(Tensor x, KernelContext context)
    {
        var (rows, columns) = MlScores.RowsAndColumns(x, context);
        if (MaxFeature >= columns) throw context.Error($"the trees read feature {MaxFeature} but the input has {columns} features");
        return (rows, columns);
    }

    /// <summary>Row <paramref name="row"/> of <paramref name="x"/> as <typeparamref name="T"/>: a view
    /// when the types match, else converted into <paramref name="scratch"/> (grown once).</summary>
    public static ReadOnlySpan<T> Row<T>(Tensor x, int row, int columns, ref T[] scratch, KernelContext context) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = row * columns;
        if (x.Type == DataType.Float && typeof(T) == typeof(float)) return x.ReadOnlySpan<T>().Slice(start, columns);
        if (x.Type == DataType.Double && typeof(T) == typeof(double)) return x.ReadOnlySpan<T>().Slice(start, columns);
        if (scratch.Length < columns) scratch = new T[columns];
        var dst = scratch.AsSpan(0, columns);
        switch (x.Type)
        {
            case DataType.Float: { var s = x.ReadOnlySpan<float>().Slice(start, columns); for (int i = 0; i < columns; i++) dst[i] = T.CreateTruncating(s[i]); break; }
            case DataType.Double: { var s = x.ReadOnlySpan<double>().Slice(start, columns); for (int i = 0; i < columns; i++) dst[i] = T.CreateTruncating(s[i]); break; }
            case DataType.Float16: { var s = x.ReadOnlySpan<Half>().Slice(start, columns); for (int i = 0; i < columns; i++) dst[i] = T.CreateTruncating((float)s[i]); break; }
            case DataType.Int64: { var s = x.ReadOnlySpan<long>().Slice(start, columns); for (int i = 0; i < columns; i++) dst[i] = T.CreateTruncating((float)s[i]); break; }
            case DataType.Int32: { var s = x.ReadOnlySpan<int>().Slice(start, columns); for (int i = 0; i < columns; i++) dst[i] = T.CreateTruncating((float)s[i]); break; }
            default: throw context.Error($"input type {DataTypeInfo.Name(x.Type)} is not supported");
        }
        return dst;
    }

    /// <summary>Builds the deprecated operators' form (TreeEnsembleRegressor/Classifier): nodes named by
    /// (tree id, node id) in attribute order, a tree per run of equal tree ids, rooted at its first
    /// node; leaf weights named by (tree id, node id) and ordered by tree, node and position.</summary>
    public static TreeEnsembleCore FromV3(KernelInfo info, string weightPrefix, int targetCount, TreeAggregate aggregate)
    {
        var a = info.Attributes;
        var treeIds = a.GetInts("nodes_treeids", []);
        var nodeIds = a.GetInts("nodes_nodeids", []);
        var featureIds = a.GetInts("nodes_featureids", []);
        var modes = a.GetStrings("nodes_modes", []);
        var trueIds = a.GetInts("nodes_truenodeids", []);
        var falseIds = a.GetInts("nodes_falsenodeids", []);
        var missing = a.GetInts("nodes_missing_value_tracks_true", []);
        var values = MlScores.FloatsOrTensor(info, "nodes_values") ?? [];
        int n = treeIds.Length;
        if (nodeIds.Length != n || featureIds.Length != n || modes.Length != n || trueIds.Length != n || falseIds.Length != n)
            throw info.Error("nodes_treeids, nodes_nodeids, nodes_featureids, nodes_modes, nodes_truenodeids and nodes_falsenodeids must have the same length");
        if (values.Length != n) throw info.Error($"nodes_values has {values.Length} values for {n} nodes");
        if (n == 0) throw info.Error("the ensemble has no nodes");

        var b = new Builder();
        var index = new Dictionary<(long Tree, long Node), int>(n);
        for (int i = 0; i < n; i++)
        {
            var mode = modes[i] switch
            {
                "BRANCH_LEQ" => TreeNodeMode.BranchLeq,
                "BRANCH_LT" => TreeNodeMode.BranchLt,
                "BRANCH_GTE" => TreeNodeMode.BranchGte,
                "BRANCH_GT" => TreeNodeMode.BranchGt,
                "BRANCH_EQ" => TreeNodeMode.BranchEq,
                "BRANCH_NEQ" => TreeNodeMode.BranchNeq,
                "LEAF" => TreeNodeMode.Leaf,
                _ => throw info.Error($"nodes_modes[{i}] '{modes[i]}' is not a known node mode"),
            };
            if (!index.TryAdd((treeIds[i], nodeIds[i]), i)) throw info.Error($"node {nodeIds[i]} of tree {treeIds[i]} is defined twice");
            b.AddNode((int)featureIds[i], mode, values[i], i < missing.Length && missing[i] == 1);
            if (i == 0 || treeIds[i] != treeIds[i - 1]) b.Roots.Add(i);
        }
        for (int i = 0; i < n; i++)
        {
            if (b.Mode[i] == TreeNodeMode.Leaf) continue;
            if (!index.TryGetValue((treeIds[i], trueIds[i]), out var t)) throw info.Error($"node {nodeIds[i]} of tree {treeIds[i]}: true branch {trueIds[i]} does not exist");
            if (!index.TryGetValue((treeIds[i], falseIds[i]), out var f)) throw info.Error($"node {nodeIds[i]} of tree {treeIds[i]}: false branch {falseIds[i]} does not exist");
            b.True[i] = t;
            b.False[i] = f;
        }

        var wTree = a.GetInts(weightPrefix + "_treeids", []);
        var wNode = a.GetInts(weightPrefix + "_nodeids", []);
        var wId = a.GetInts(weightPrefix + "_ids", []);
        var wValue = MlScores.FloatsOrTensor(info, weightPrefix + "_weights") ?? [];
        if (wNode.Length != wTree.Length || wId.Length != wTree.Length || wValue.Length != wTree.Length)
            throw info.Error($"{weightPrefix}_treeids, {weightPrefix}_nodeids, {weightPrefix}_ids and {weightPrefix}_weights must have the same length");
        var order = new int[wTree.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (p, q) =>
        {
            int c = wTree[p].CompareTo(wTree[q]);
            if (c == 0) c = wNode[p].CompareTo(wNode[q]);
            return c != 0 ? c : p.CompareTo(q);
        });
        foreach (var k in order)
        {
            if (!index.TryGetValue((wTree[k], wNode[k]), out var leaf)) throw info.Error($"weight {k} names node {wNode[k]} of tree {wTree[k]}, which does not exist");
            if (wId[k] < 0 || wId[k] >= targetCount) throw info.Error($"{weightPrefix}_ids[{k}] = {wId[k]} is out of range for {targetCount} targets or classes");
            // Weights on interior nodes (left by old converters) are ignored, as ONNX Runtime does.
            if (b.Mode[leaf] != TreeNodeMode.Leaf) continue;
            b.Weights[leaf].Add(((int)wId[k], wValue[k]));
        }
        return new TreeEnsembleCore(b, aggregate, info);
    }
}

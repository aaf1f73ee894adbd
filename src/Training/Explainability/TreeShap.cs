namespace EdgeML.Training.Explainability;

/// <summary>
/// Exact TreeSHAP (Lundberg et al. 2018, algorithm 2): the Shapley values of one tree's prediction, with the
/// conditional expectations taken over the training rows that reached each node (the cover), in O(leaves · depth²).
/// For a sum of trees the values add up. Σ φ = f(x) − E[f], where E[f] is the cover-weighted mean of the leaves.
/// </summary>
internal static class TreeShap
{
    /// <summary>One element of the path of unique features: how much of the data (zero) and of x (one) flows through.</summary>
    private struct PathElement
    {
        public int Feature;
        public double ZeroFraction;
        public double OneFraction;
        public double Weight;
    }

    public static double[] Explain(IReadOnlyList<TreeStructure> trees, ReadOnlySpan<float> x, int features)
    {
        var phi = new double[features];
        foreach (var tree in trees) Add(tree, x, phi);
        return phi;
    }

    /// <summary>E[f]: the leaves' values weighted by the share of training rows reaching them.</summary>
    public static double ExpectedValue(IReadOnlyList<TreeStructure> trees) => trees.Sum(tree => NodeExpectation(tree, 0));

    private static double NodeExpectation(TreeStructure tree, int node)
    {
        if (tree.IsLeaf(node)) return tree.Value[node];
        // A node no training row reached weighs nothing (and must not divide by zero).
        var cover = Math.Max(tree.Cover[node], double.Epsilon);
        return (tree.Cover[tree.Left[node]] * NodeExpectation(tree, tree.Left[node]) + tree.Cover[tree.Right[node]] * NodeExpectation(tree, tree.Right[node])) / cover;
    }

    private static void Add(TreeStructure tree, ReadOnlySpan<float> x, double[] phi)
    {
        if (tree.Cover[0] <= 0) throw new InvalidOperationException("TreeSHAP needs node covers (training rows per node)");
        Recurse(tree, x.ToArray(), phi, 0, [], 1, 1, -1);
    }

    private static void Recurse(TreeStructure tree, float[] x, double[] phi, int node, PathElement[] parentPath, double zeroFraction, double oneFraction, int feature)
    {
        var path = Extend(parentPath, zeroFraction, oneFraction, feature);
        if (tree.IsLeaf(node))
        {
            // Element 0 is the root's placeholder; every real feature on the path gets its share of the leaf value.
            for (var i = 1; i < path.Length; i++)
                phi[path[i].Feature] += UnwoundSum(path, i) * (path[i].OneFraction - path[i].ZeroFraction) * tree.Value[node];
            return;
        }
        var split = tree.Feature[node];
        var goesLeft = x[split] <= tree.Threshold[node];
        var hot = goesLeft ? tree.Left[node] : tree.Right[node];
        var cold = goesLeft ? tree.Right[node] : tree.Left[node];
        double incomingZero = 1, incomingOne = 1;
        // A feature split on again further down is taken off the path and re-added with the combined fractions.
        var previous = Array.FindIndex(path, e => e.Feature == split);
        if (previous >= 0)
        {
            incomingZero = path[previous].ZeroFraction;
            incomingOne = path[previous].OneFraction;
            path = Unwind(path, previous);
        }
        var cover = Math.Max(tree.Cover[node], double.Epsilon);
        Recurse(tree, x, phi, hot, path, tree.Cover[hot] / cover * incomingZero, incomingOne, split);
        Recurse(tree, x, phi, cold, path, tree.Cover[cold] / cover * incomingZero, 0, split);
    }

    private static PathElement[] Extend(PathElement[] parent, double zeroFraction, double oneFraction, int feature)
    {
        var depth = parent.Length;
        var path = new PathElement[depth + 1];
        Array.Copy(parent, path, depth);
        path[depth] = new PathElement { Feature = feature, ZeroFraction = zeroFraction, OneFraction = oneFraction, Weight = depth == 0 ? 1 : 0 };
        for (var i = depth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += oneFraction * path[i].Weight * (i + 1) / (depth + 1);
            path[i].Weight = zeroFraction * path[i].Weight * (depth - i) / (depth + 1);
        }
        return path;
    }

    /// <summary>Removes element <paramref name="index"/> from the path, undoing its Extend on the weights.</summary>
    private static PathElement[] Unwind(PathElement[] path, int index)
    {
        var depth = path.Length - 1;
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var result = (PathElement[])path.Clone();
        var next = result[depth].Weight;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var kept = result[i].Weight;
                result[i].Weight = next * (depth + 1) / ((i + 1) * one);
                next = kept - result[i].Weight * zero * (depth - i) / (depth + 1);
            }
            else result[i].Weight = result[i].Weight * (depth + 1) / (zero * (depth - i));
        }
        for (var i = index; i < depth; i++)
        {
            result[i].Feature = result[i + 1].Feature;
            result[i].ZeroFraction = result[i + 1].ZeroFraction;
            result[i].OneFraction = result[i + 1].OneFraction;
        }
        return result[..depth];
    }

    /// <summary>The total weight the path would have with element <paramref name="index"/> unwound.</summary>
    private static double UnwoundSum(PathElement[] path, int index)
    {
        var depth = path.Length - 1;
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var next = path[depth].Weight;
        double total = 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var share = next * (depth + 1) / ((i + 1) * one);
                total += share;
                next = path[i].Weight - share * zero * (depth - i) / (depth + 1);
            }
            else if (zero != 0) total += path[i].Weight / zero / ((depth - i) / (double)(depth + 1));
        }
        return total;
    }
}

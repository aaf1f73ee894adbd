namespace EdgeML.Training.Explainability;

/// <summary>
/// One binary decision tree in array form (as ONNX TreeEnsemble writes it): internal node i sends x[Feature[i]] &lt;=
/// Threshold[i] left, else right; a leaf has Feature = −1 and a value. Cover = training rows reaching the node.
/// </summary>
public sealed record TreeStructure(int[] Feature, double[] Threshold, int[] Left, int[] Right, double[] Value, double[] Cover)
{
    public bool IsLeaf(int node) => Feature[node] < 0;

    public double Predict(ReadOnlySpan<float> x)
    {
        var node = 0;
        while (!IsLeaf(node)) node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return Value[node];
    }

    /// <summary>The same tree with <see cref="Cover"/> counted by passing <paramref name="rows"/> through it (ML.NET does not expose covers).</summary>
    public TreeStructure WithCoverFrom(IEnumerable<float[]> rows)
    {
        var cover = new double[Feature.Length];
        foreach (var x in rows)
        {
            var node = 0;
            cover[0]++;
            while (!IsLeaf(node))
            {
                node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
                cover[node]++;
            }
        }
        return this with { Cover = cover };
    }
}

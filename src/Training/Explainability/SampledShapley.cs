namespace EdgeML.Training.Explainability;

/// <summary>
/// Model-agnostic Shapley values by permutation sampling (Štrumbelj and Kononenko 2014): for each sampled feature
/// order and background row z, features switch from z's value to x's one at a time and each is credited with the
/// change it causes. Each pass telescopes to f(x) − f(z), so Σ φ = f(x) − mean f(background) exactly, whatever
/// the sample; the split among features converges as passes grow. Used for models that are not trees.
/// </summary>
internal static class SampledShapley
{
    public static double[] Explain(Func<float[][], double[]> f, float[] x, IReadOnlyList<float[]> background, int permutations, int seed)
    {
        var width = x.Length;
        var random = new Random(seed);
        var orders = Enumerable.Range(0, permutations).Select(_ => Enumerable.Range(0, width).OrderBy(_ => random.Next()).ToArray()).ToArray();
        // One batch for the model: per (order, z) pass, row s has the first s features of the order taken from x, the rest from z.
        var batch = new List<float[]>(permutations * background.Count * (width + 1));
        foreach (var order in orders)
            foreach (var z in background)
            {
                var current = (float[])z.Clone();
                batch.Add((float[])current.Clone());
                foreach (var feature in order)
                {
                    current[feature] = x[feature];
                    batch.Add((float[])current.Clone());
                }
            }
        var values = f(batch.ToArray());
        var phi = new double[width];
        var at = 0;
        foreach (var order in orders)
            for (var b = 0; b < background.Count; b++, at += width + 1)
                for (var s = 0; s < width; s++) phi[order[s]] += values[at + s + 1] - values[at + s];
        var passes = permutations * background.Count;
        for (var j = 0; j < width; j++) phi[j] /= passes;
        return phi;
    }
}

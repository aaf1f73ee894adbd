namespace EdgeML.Training.Explainability;

/// <summary>
/// Integrated gradients (Sundararajan et al. 2017) for differentiable models: IGᵢ = (xᵢ − x′ᵢ) ∫₀¹ ∂f/∂xᵢ(x′ + α(x − x′)) dα,
/// with the gradient by central differences and the integral by the trapezoid rule. Completeness: Σ IG ≈ f(x) − f(x′),
/// exact for a linear model.
/// </summary>
internal static class IntegratedGradients
{
    public static double[] Explain(Func<float[][], double[]> f, float[] x, float[] reference, int steps = 64, float epsilon = 1e-3f)
    {
        var width = x.Length;
        // One batch: for every point on the straight path, the point nudged up and down along each feature.
        var batch = new List<float[]>();
        for (var s = 0; s <= steps; s++)
        {
            var alpha = s / (float)steps;
            var point = x.Select((v, j) => reference[j] + alpha * (v - reference[j])).ToArray();
            for (var j = 0; j < width; j++)
            {
                var up = (float[])point.Clone();
                var down = (float[])point.Clone();
                up[j] += epsilon;
                down[j] -= epsilon;
                batch.Add(up);
                batch.Add(down);
            }
        }
        var values = f(batch.ToArray());
        var attributions = new double[width];
        for (var s = 0; s <= steps; s++)
        {
            var trapezoid = s == 0 || s == steps ? 0.5 : 1.0;
            for (var j = 0; j < width; j++)
            {
                var at = 2 * (s * width + j);
                attributions[j] += trapezoid * (values[at] - values[at + 1]) / (2 * epsilon);
            }
        }
        for (var j = 0; j < width; j++) attributions[j] *= (x[j] - reference[j]) / steps;
        return attributions;
    }
}

using MathNet.Numerics.LinearAlgebra;

namespace EdgeML.Training.Explainability;

/// <summary>
/// LIME for tabular rows (Ribeiro et al. 2016): perturb x with Gaussian noise (the features are already scaled),
/// weight each sample by an exponential kernel on its distance to x, and fit a weighted ridge regression of the
/// model's output on the samples. The coefficients are the local explanation; a linear model is recovered exactly.
/// </summary>
internal static class LocalSurrogate
{
    public sealed record Fit(double[] Coefficients, double Intercept, double WeightedRSquared);

    public static Fit Explain(Func<float[][], double[]> f, float[] x, int samples, double noise, int seed, double ridge = 1e-6)
    {
        var width = x.Length;
        var random = new Random(seed);
        var rows = new float[samples][];
        rows[0] = (float[])x.Clone();
        for (var i = 1; i < samples; i++) rows[i] = x.Select(v => v + (float)(noise * Gaussian(random))).ToArray();
        var y = f(rows);
        var kernelWidth = 0.75 * Math.Sqrt(width) * noise;
        var weights = rows.Select(r => Math.Exp(-SquaredDistance(r, x) / (kernelWidth * kernelWidth))).ToArray();

        // Weighted least squares on centred rows: (XᵀWX + λI) β = XᵀWy, with an intercept column.
        var design = Matrix<double>.Build.Dense(samples, width + 1, (i, j) => j == width ? 1 : rows[i][j] - x[j]);
        var w = Vector<double>.Build.DenseOfArray(weights);
        var weighted = Matrix<double>.Build.Dense(samples, width + 1, (i, j) => design[i, j] * weights[i]);
        var gram = weighted.TransposeThisAndMultiply(design) + Matrix<double>.Build.DenseDiagonal(width + 1, width + 1, ridge);
        var beta = gram.Solve(weighted.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(y)));
        var fitted = design * beta;
        var mean = w.DotProduct(Vector<double>.Build.DenseOfArray(y)) / w.Sum();
        double residual = 0, total = 0;
        for (var i = 0; i < samples; i++)
        {
            residual += weights[i] * (y[i] - fitted[i]) * (y[i] - fitted[i]);
            total += weights[i] * (y[i] - mean) * (y[i] - mean);
        }
        return new Fit(beta.Take(width).ToArray(), beta[width], total <= 0 ? 1 : 1 - residual / total);
    }

    private static double SquaredDistance(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (double)(a[i] - b[i]);
        return sum;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

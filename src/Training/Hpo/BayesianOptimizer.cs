using EdgeML.Training.Pipeline;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace EdgeML.Training.Hpo;

/// <summary>
/// Bayesian optimisation: a Gaussian process (RBF kernel on the unit cube, targets standardised) models the score;
/// the next trial maximises expected improvement over random candidate points. The first trials are random.
/// </summary>
internal static class BayesianOptimizer
{
    private const double LengthScale = 0.25;
    private const double Noise = 1e-6;

    public static IReadOnlyList<Trial> Run(IReadOnlyDictionary<string, ParameterRange> space, int budget, int seed, bool higherIsBetter,
        Func<IReadOnlyDictionary<string, double>, double> evaluate)
    {
        var random = new Random(seed);
        var names = space.Keys.ToArray();
        var trials = new List<Trial>();
        var encoded = new List<double[]>();
        var initial = Math.Min(budget, Math.Max(2, names.Length + 1));
        for (var t = 0; t < budget; t++)
        {
            double[] u;
            if (t < initial || trials.Count(x => !double.IsNaN(x.Score)) < 2) u = names.Select(_ => random.NextDouble()).ToArray();
            else
            {
                var usable = trials.Select((x, i) => (x, i)).Where(p => !double.IsNaN(p.x.Score)).ToArray();
                var xs = usable.Select(p => encoded[p.i]).ToArray();
                var ys = usable.Select(p => higherIsBetter ? p.x.Score : -p.x.Score).ToArray();
                u = Enumerable.Range(0, 500).Select(_ => names.Select(_ => random.NextDouble()).ToArray())
                    .MaxBy(c => ExpectedImprovement(xs, ys, c))!;
            }
            var parameters = names.Select((n, d) => (n, v: HyperparameterSearch.Decode(space[n], u[d]))).ToDictionary(p => p.n, p => p.v);
            encoded.Add(names.Select(n => HyperparameterSearch.Encode(space[n], parameters[n])).ToArray());
            trials.Add(new Trial(parameters, evaluate(parameters)));
        }
        return trials;
    }

    /// <summary>EI(x) = (μ − y* ) Φ(z) + σ φ(z), z = (μ − y*) / σ, for maximisation of standardised y.</summary>
    public static double ExpectedImprovement(double[][] xs, double[] ys, double[] candidate)
    {
        var mean = ys.Average();
        var std = Math.Sqrt(ys.Sum(y => (y - mean) * (y - mean)) / ys.Length);
        if (std < 1e-12) std = 1;
        var y = Vector<double>.Build.Dense(ys.Select(v => (v - mean) / std).ToArray());
        var k = Matrix<double>.Build.Dense(xs.Length, xs.Length, (i, j) => Kernel(xs[i], xs[j]) + (i == j ? Noise : 0));
        var ks = Vector<double>.Build.Dense(xs.Length, i => Kernel(xs[i], candidate));
        var cholesky = k.Cholesky();
        var mu = ks.DotProduct(cholesky.Solve(y));
        var variance = Math.Max(1e-12, 1 + Noise - ks.DotProduct(cholesky.Solve(ks)));
        var sigma = Math.Sqrt(variance);
        var best = y.Maximum();
        var z = (mu - best) / sigma;
        return (mu - best) * Normal.CDF(0, 1, z) + sigma * Normal.PDF(0, 1, z);
    }

    private static double Kernel(double[] a, double[] b)
    {
        double d = 0;
        for (var i = 0; i < a.Length; i++) d += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Exp(-d / (2 * LengthScale * LengthScale));
    }
}

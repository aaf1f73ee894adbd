using EdgeML.Training.Explainability;
using EdgeML.Training.Models;

namespace EdgeML.Training.Tests;

/// <summary>Explanations checked against values worked out by hand (comments) or by the Shapley definition itself.</summary>
public sealed class ExplainabilityTests
{
    // x0 ≤ 0.5 → leaf 1 (2 training rows); else x1 ≤ 0.5 → leaf 3 (1 row), else leaf 5 (1 row).
    private static readonly TreeStructure SmallTree = new([0, -1, 1, -1, -1], [0.5, 0, 0.5, 0, 0], [1, -1, 3, -1, -1], [2, -1, 4, -1, -1],
        [0, 1, 0, 3, 5], [4, 2, 2, 1, 1]);

    [Fact]
    public void TreeShapIsExactOnATinyTree()
    {
        // E[f] = (2·1 + 3 + 5)/4 = 2.5. For x = (1, 1): f(∅) = 2.5, f({0}) = (3+5)/2 = 4, f({1}) = ½·1 + ½·5 = 3, f({0,1}) = 5.
        // φ0 = ½[(4 − 2.5) + (5 − 3)] = 1.75, φ1 = ½[(3 − 2.5) + (5 − 4)] = 0.75.
        Assert.Equal(2.5, TreeShap.ExpectedValue([SmallTree]), 12);
        var phi = TreeShap.Explain([SmallTree], [1f, 1f], 2);
        Assert.Equal(1.75, phi[0], 12);
        Assert.Equal(0.75, phi[1], 12);
        // x = (0, 1) lands on leaf 1: f({0}) = 1, f({1}) = 3, f({0,1}) = 1 → φ0 = ½[(1 − 2.5) + (1 − 3)] = −1.75, φ1 = ½[(3 − 2.5) + 0] = 0.25.
        phi = TreeShap.Explain([SmallTree], [0f, 1f], 2);
        Assert.Equal(-1.75, phi[0], 12);
        Assert.Equal(0.25, phi[1], 12);
    }

    [Fact]
    public void TreeShapCreditsAFeatureSplitTwiceOnce()
    {
        // x0 ≤ 0.5 → 0 (2 rows); else x0 ≤ 1.5 → 2 (1 row), else 4 (1 row): only x0 matters, so φ0 = f(x) − E[f] = 4 − 1.5.
        var tree = new TreeStructure([0, -1, 0, -1, -1], [0.5, 0, 1.5, 0, 0], [1, -1, 3, -1, -1], [2, -1, 4, -1, -1], [0, 0, 0, 2, 4], [4, 2, 2, 1, 1]);
        var phi = TreeShap.Explain([tree], [2f, 7f], 2);
        Assert.Equal(2.5, phi[0], 12);
        Assert.Equal(0, phi[1], 12);
    }

    [Fact]
    public void TreeShapMatchesTheShapleyDefinitionOnAFittedTree()
    {
        // A depth-5 CART tree on 4 features; every Shapley value is also computed from its definition, over all subsets.
        var random = new Random(3);
        var features = Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var target = features.Select(x => 3.0 * x[0] + (x[1] > 0.5 ? 2 : 0) * x[2] - x[3] + 0.1 * random.NextDouble()).ToArray();
        var model = new DecisionTreeTrainer().Fit(new LearningData(features, target), 0, new Dictionary<string, double> { ["depth"] = 5, ["minLeaf"] = 3 }, 1);
        var tree = model.Trees!.Single();
        foreach (var x in features.Take(10))
        {
            var phi = TreeShap.Explain([tree], x, 4);
            var exact = BruteForceShapley(tree, x);
            for (var j = 0; j < 4; j++) Assert.Equal(exact[j], phi[j], 9);
            Assert.Equal(tree.Predict(x) - TreeShap.ExpectedValue([tree]), phi.Sum(), 9);
        }
    }

    /// <summary>φᵢ = Σ_S |S|!(M−|S|−1)!/M! [f(S∪{i}) − f(S)], with f(S) the cover-weighted expectation given the features in S.</summary>
    private static double[] BruteForceShapley(TreeStructure tree, float[] x)
    {
        var m = x.Length;
        double Expect(int node, int subset)
        {
            if (tree.IsLeaf(node)) return tree.Value[node];
            var f = tree.Feature[node];
            if ((subset & (1 << f)) != 0) return Expect(x[f] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node], subset);
            return (tree.Cover[tree.Left[node]] * Expect(tree.Left[node], subset) + tree.Cover[tree.Right[node]] * Expect(tree.Right[node], subset)) / tree.Cover[node];
        }
        static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
        var phi = new double[m];
        for (var i = 0; i < m; i++)
            for (var subset = 0; subset < 1 << m; subset++)
            {
                if ((subset & (1 << i)) != 0) continue;
                var size = System.Numerics.BitOperations.PopCount((uint)subset);
                phi[i] += Factorial(size) * Factorial(m - size - 1) / Factorial(m) * (Expect(0, subset | (1 << i)) - Expect(0, subset));
            }
        return phi;
    }

    // f(x) = 2x0 − 3x1 + 0.5x2 + 1
    private static readonly double[] Weights = [2, -3, 0.5];
    private static double[] Linear(float[][] rows) => rows.Select(r => r.Select((v, j) => Weights[j] * v).Sum() + 1).ToArray();
    private static double[] Logistic(float[][] rows) => Linear(rows).Select(z => 1 / (1 + Math.Exp(-z))).ToArray();

    [Fact]
    public void SampledShapleyOfALinearModelIsTheWeightTimesTheDistanceFromTheBackgroundMean()
    {
        float[] x = [1, 2, 3];
        float[][] background = [[0, 0, 0], [1, 1, 1], [2, 0, 4]];
        // background means 1, 1/3, 5/3 → φ = 2·(1 − 1), −3·(2 − 1/3), 0.5·(3 − 5/3)
        var phi = SampledShapley.Explain(Linear, x, background, permutations: 3, seed: 1);
        Assert.Equal(0, phi[0], 9);
        Assert.Equal(-5, phi[1], 9);
        Assert.Equal(2.0 / 3, phi[2], 9);
        // Σφ = f(x) − mean f(background) for any model, here a logistic one.
        var logistic = SampledShapley.Explain(Logistic, x, background, permutations: 5, seed: 2);
        Assert.Equal(Logistic([x])[0] - Logistic(background).Average(), logistic.Sum(), 9);
    }

    [Fact]
    public void LimeRecoversTheWeightsOfALinearModel()
    {
        var fit = LocalSurrogate.Explain(Linear, [1, 2, 3], samples: 200, noise: 0.5, seed: 1);
        for (var j = 0; j < 3; j++) Assert.Equal(Weights[j], fit.Coefficients[j], 4);
        Assert.Equal(1 + 2 - 6 + 1.5, fit.Intercept, 4); // the surrogate is centred on x: intercept = f(x)
        Assert.True(fit.WeightedRSquared > 0.999999);
    }

    [Fact]
    public void IntegratedGradientsAreCompleteAndExactForALinearModel()
    {
        float[] x = [1, 2, 3];
        float[] reference = [0, 1, 1];
        // linear: IGᵢ = wᵢ (xᵢ − x′ᵢ) = 2, −3, 1
        var linear = IntegratedGradients.Explain(Linear, x, reference);
        Assert.Equal(2, linear[0], 2);
        Assert.Equal(-3, linear[1], 2);
        Assert.Equal(1, linear[2], 2);
        // logistic: Σ IG = σ(f(x)) − σ(f(x′)), up to the trapezoid rule's error
        var logistic = IntegratedGradients.Explain(Logistic, x, reference);
        Assert.Equal(Logistic([x])[0] - Logistic([reference])[0], logistic.Sum(), 3);
    }
}

using EdgeML.Training.Models;

namespace EdgeML.Training.Explainability;

/// <summary>One feature's share of a prediction.</summary>
public sealed record FeatureAttribution(string Feature, double Value);

/// <summary>Every explanation of one test row's prediction.</summary>
public sealed record RowExplanation(int TestRow, string Output, double Prediction, double ExpectedValue, IReadOnlyList<FeatureAttribution> Shap,
    IReadOnlyList<FeatureAttribution> Lime, double LimeWeightedRSquared, IReadOnlyList<FeatureAttribution>? IntegratedGradients);

/// <summary>
/// SHAP over explained test rows (exact TreeSHAP for tree models, sampled Shapley otherwise), with the largest
/// additivity gap |Σφ − (prediction − expected value)| as a self-check, and one row explained by SHAP, LIME and
/// (for differentiable models) integrated gradients.
/// </summary>
public sealed record ExplanationSummary(string ShapMethod, string ShapUnits, int RowsExplained, IReadOnlyDictionary<string, double> MeanAbsoluteShap,
    double MaxAdditivityError, RowExplanation Example);

internal static class ModelExplainer
{
    private const int ExplainedRows = 20;
    private const int BackgroundRows = 16;
    private const int Permutations = 6;

    /// <summary>Null for clustering (no single output to attribute) or an empty test split.</summary>
    public static ExplanationSummary? Explain(TrainedModel model, LearningTask task, LearningData train, LearningData test,
        IReadOnlyList<string> featureNames, IReadOnlyList<string> classes, int seed)
    {
        if (task == LearningTask.Clustering || test.Rows == 0 || train.Rows == 0) return null;
        var rows = Enumerable.Range(0, Math.Min(ExplainedRows, test.Rows)).ToArray();
        var trees = model.Trees?.Select(t => t.Cover[0] > 0 ? t : t.WithCoverFrom(train.Features)).ToList();
        var step = Math.Max(1, train.Rows / BackgroundRows);
        var background = train.Features.Where((_, i) => i % step == 0).Take(BackgroundRows).ToList();

        // Trees are explained in the units their leaves hold; other models in the explained output's units.
        string method, units;
        Func<int, (double[] Phi, double Prediction, double Expected)> shap;
        if (trees is not null)
        {
            method = "exact TreeSHAP (path-dependent, training covers)";
            units = model is DecisionTreeModel ? ExplainedOutput.For(model, task, test.Features[0]).Describe(classes) : "raw score (sum of the trees' leaf values, before any link or calibration)";
            var expected = TreeShap.ExpectedValue(trees);
            shap = r => (TreeShap.Explain(trees, test.Features[r], test.Width), trees.Sum(t => t.Predict(test.Features[r])), expected);
        }
        else
        {
            method = $"sampled Shapley (permutation sampling: {Permutations} orders × {background.Count} background rows)";
            units = "explained output";
            shap = r =>
            {
                var output = ExplainedOutput.For(model, task, test.Features[r]);
                var expected = output.Evaluate(background.ToArray()).Average();
                return (SampledShapley.Explain(output.Evaluate, test.Features[r], background, Permutations, seed + r), output.Evaluate(test.Features[r]), expected);
            };
        }
        var explained = rows.Select(r => (Row: r, Result: shap(r))).ToList();
        var meanAbsolute = featureNames.Select((name, j) => (name, explained.Average(e => Math.Abs(e.Result.Phi[j])))).ToDictionary(p => p.name, p => p.Item2);
        var additivity = explained.Max(e => Math.Abs(e.Result.Phi.Sum() - (e.Result.Prediction - e.Result.Expected)));

        var example = explained[0];
        var exampleOutput = ExplainedOutput.For(model, task, test.Features[example.Row]);
        var lime = LocalSurrogate.Explain(exampleOutput.Evaluate, test.Features[example.Row], samples: 400, noise: 0.5, seed);
        var reference = Enumerable.Range(0, train.Width).Select(j => (float)train.Features.Average(x => x[j])).ToArray();
        var gradients = model.IsDifferentiable ? IntegratedGradients.Explain(exampleOutput.Evaluate, test.Features[example.Row], reference) : null;
        List<FeatureAttribution> Attributions(double[] values) => featureNames.Select((name, j) => new FeatureAttribution(name, values[j])).ToList();
        var row = new RowExplanation(example.Row, trees is not null ? units : exampleOutput.Describe(classes), example.Result.Prediction, example.Result.Expected,
            Attributions(example.Result.Phi), Attributions(lime.Coefficients), lime.WeightedRSquared, gradients is null ? null : Attributions(gradients));
        return new ExplanationSummary(method, trees is not null ? units : $"explained output ({exampleOutput.Describe(classes)} for the example row)",
            rows.Length, meanAbsolute, additivity, row);
    }
}

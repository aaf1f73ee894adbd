using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;

namespace EdgeML.Training.Models;

/// <summary>
/// The baselines every report shows, so a model's figures mean something: random (uniform and by the training
/// label distribution), zero rule (majority class / mean) and a simple heuristic (the best single-feature rule).
/// They are fitted on the training split only and never exported.
/// </summary>
internal abstract class BaselineModel : TrainedModel
{
    public override bool CanExportOnnx => false;
    public override string EmitOnnx(OnnxGraphBuilder graph, string features) => throw new NotSupportedException("baselines are not deployed");

    public static IReadOnlyList<TrainedModel> Fit(LearningTask task, LearningData train, int classes, int seed)
    {
        if (task.IsClassification())
        {
            var counts = new double[classes];
            foreach (var t in train.Target) counts[(int)t]++;
            var prior = counts.Select(c => c / train.Rows).ToArray();
            return
            [
                new RandomClassBaseline("random_uniform", Enumerable.Repeat(1.0 / classes, classes).ToArray(), seed),
                new RandomClassBaseline("random_prior", prior, seed),
                new ConstantBaseline("zero_rule", prior, null),
                OneRuleBaseline.Fit(train, classes),
            ];
        }
        if (task == LearningTask.Regression || task == LearningTask.Ranking)
        {
            var sorted = train.Target.OrderBy(v => v).ToArray();
            return
            [
                new RandomValueBaseline("random_uniform", sorted, uniform: true, seed),
                new RandomValueBaseline("random_prior", sorted, uniform: false, seed),
                new ConstantBaseline("zero_rule", null, train.Target.Average()),
                SingleFeatureLinearBaseline.Fit(train),
            ];
        }
        return [];
    }
}

/// <summary>Draws the predicted class at random from a distribution; its probabilities are that distribution.</summary>
internal sealed class RandomClassBaseline(string name, double[] distribution, int seed) : BaselineModel
{
    public override string Name => name;

    public override ModelOutput Predict(float[][] features)
    {
        var random = new Random(seed);
        return new ModelOutput(features.Select(_ =>
        {
            // The drawn class gets a hair more probability so ArgMax reports the draw.
            var draw = random.NextDouble();
            var k = 0;
            for (double cumulative = distribution[0]; k < distribution.Length - 1 && draw >= cumulative; cumulative += distribution[++k]) { }
            var p = distribution.Select(v => v * 0.999).ToArray();
            p[k] += 0.001;
            return p;
        }).ToArray(), null);
    }
}

/// <summary>Zero rule: always the training prior (majority class wins ArgMax) or the training mean.</summary>
internal sealed class ConstantBaseline(string name, double[]? probabilities, double? value) : BaselineModel
{
    public override string Name => name;
    public override ModelOutput Predict(float[][] features) => probabilities is not null
        ? new ModelOutput(features.Select(_ => (double[])probabilities.Clone()).ToArray(), null)
        : new ModelOutput(null, features.Select(_ => value!.Value).ToArray());
}

/// <summary>Predicts a random value: uniform over the training range, or a random training label.</summary>
internal sealed class RandomValueBaseline(string name, double[] sortedTargets, bool uniform, int seed) : BaselineModel
{
    public override string Name => name;

    public override ModelOutput Predict(float[][] features)
    {
        var random = new Random(seed);
        double min = sortedTargets[0], max = sortedTargets[^1];
        return new ModelOutput(null, features.Select(_ => uniform
            ? min + random.NextDouble() * (max - min)
            : sortedTargets[random.Next(sortedTargets.Length)]).ToArray());
    }
}

/// <summary>
/// Holte's 1R heuristic: the single feature and threshold whose two sides, each predicting its majority class,
/// make the fewest training errors. Probabilities are the class shares on each side.
/// </summary>
internal sealed class OneRuleBaseline(int feature, float threshold, double[] below, double[] above) : BaselineModel
{
    public override string Name => "heuristic_one_rule";

    public override ModelOutput Predict(float[][] features) =>
        new(features.Select(x => (double[])(x[feature] <= threshold ? below : above).Clone()).ToArray(), null);

    public static OneRuleBaseline Fit(LearningData train, int classes)
    {
        var best = (Errors: double.MaxValue, Feature: 0, Threshold: 0f, Below: new double[classes], Above: new double[classes]);
        for (var f = 0; f < train.Width; f++)
        {
            var candidates = train.Features.Select(r => r[f]).Distinct().OrderBy(v => v).ToArray();
            var step = Math.Max(1, candidates.Length / 32);
            for (var c = 0; c < candidates.Length; c += step)
            {
                var threshold = candidates[c];
                var below = new double[classes];
                var above = new double[classes];
                for (var i = 0; i < train.Rows; i++)
                    (train.Features[i][f] <= threshold ? below : above)[(int)train.Target[i]]++;
                var errors = below.Sum() - below.Max() + above.Sum() - above.Max();
                if (errors < best.Errors) best = (errors, f, threshold, below, above);
            }
        }
        static double[] Shares(double[] counts) => counts.Sum() == 0 ? counts.Select(_ => 1.0 / counts.Length).ToArray() : counts.Select(c => c / counts.Sum()).ToArray();
        return new OneRuleBaseline(best.Feature, best.Threshold, Shares(best.Below), Shares(best.Above));
    }
}

/// <summary>Regression heuristic: least-squares line on the one feature most correlated with the target.</summary>
internal sealed class SingleFeatureLinearBaseline(int feature, double slope, double intercept) : BaselineModel
{
    public override string Name => "heuristic_best_feature_line";

    public override ModelOutput Predict(float[][] features) => new(null, features.Select(x => intercept + slope * x[feature]).ToArray());

    public static SingleFeatureLinearBaseline Fit(LearningData train)
    {
        var best = (Correlation: -1.0, Feature: 0);
        for (var f = 0; f < train.Width; f++)
        {
            var r = Math.Abs(Preparation.Statistics.PearsonCorrelation(train.Features.Select(x => (double)x[f]).ToArray(), train.Target));
            if (!double.IsNaN(r) && r > best.Correlation) best = (r, f);
        }
        var xs = train.Features.Select(x => (double)x[best.Feature]).ToArray();
        var mx = xs.Average();
        var my = train.Target.Average();
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        var slope = sxx == 0 ? 0 : xs.Zip(train.Target, (x, y) => (x - mx) * (y - my)).Sum() / sxx;
        return new SingleFeatureLinearBaseline(best.Feature, slope, my - slope * mx);
    }
}

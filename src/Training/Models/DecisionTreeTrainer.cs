using EdgeML.Training.Explainability;

namespace EdgeML.Training.Models;

/// <summary>
/// CART decision tree: greedy binary splits minimising Gini impurity (classes) or squared error (regression),
/// thresholds halfway between neighbouring training values, depth- and leaf-size-limited. Leaves hold class
/// shares or the mean target. Written to ONNX as an ai.onnx.ml TreeEnsembleClassifier/Regressor.
/// </summary>
internal sealed class DecisionTreeTrainer : ModelTrainer
{
    public override string Name => "decision_tree";
    public override LearningTask[] Tasks => [LearningTask.Binary, LearningTask.Multiclass, LearningTask.Regression];
    public override IReadOnlyDictionary<string, double> Defaults => new Dictionary<string, double> { ["depth"] = 6, ["minLeaf"] = 5 };
    public override IReadOnlyDictionary<string, Pipeline.ParameterRange> DefaultSpace => new Dictionary<string, Pipeline.ParameterRange>
    {
        ["depth"] = new() { Min = 2, Max = 12, Integer = true },
        ["minLeaf"] = new() { Min = 1, Max = 30, Integer = true },
    };

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        var builder = new Builder(data, classes, (int)Get(hyperparameters, "depth"), Math.Max(1, (int)Get(hyperparameters, "minLeaf")));
        builder.Grow(Enumerable.Range(0, data.Rows).ToArray(), 0);
        return new DecisionTreeModel(builder.ToTree(), classes);
    }

    private sealed class Builder(LearningData data, int classes, int maxDepth, int minLeaf)
    {
        private readonly List<int> _feature = [];
        private readonly List<float> _threshold = [];
        private readonly List<int> _left = [];
        private readonly List<int> _right = [];
        private readonly List<double[]> _value = [];
        private readonly List<double> _cover = [];
        private int Outputs => classes >= 2 ? classes : 1;

        public int Grow(int[] rows, int depth)
        {
            var node = _feature.Count;
            _feature.Add(-1); _threshold.Add(0); _left.Add(-1); _right.Add(-1); _value.Add(LeafValue(rows)); _cover.Add(rows.Length);
            if (depth >= maxDepth || rows.Length < 2 * minLeaf || Impurity(rows) <= 1e-12) return node;
            var (feature, threshold, gain) = BestSplit(rows);
            if (feature < 0 || gain <= 1e-12) return node;
            var left = rows.Where(i => data.Features[i][feature] <= threshold).ToArray();
            var right = rows.Where(i => data.Features[i][feature] > threshold).ToArray();
            _feature[node] = feature;
            _threshold[node] = threshold;
            _left[node] = Grow(left, depth + 1);
            _right[node] = Grow(right, depth + 1);
            return node;
        }

        private double[] LeafValue(int[] rows)
        {
            if (classes < 2) return [rows.Length == 0 ? 0 : rows.Average(i => data.Target[i])];
            var counts = new double[classes];
            foreach (var i in rows) counts[(int)data.Target[i]] += data.Weights?[i] ?? 1;
            var total = counts.Sum();
            return counts.Select(c => total == 0 ? 1.0 / classes : c / total).ToArray();
        }

        private double Impurity(int[] rows) => classes >= 2 ? Gini(Counts(rows), rows.Length) : Sse(rows);

        private double[] Counts(IEnumerable<int> rows)
        {
            var counts = new double[classes];
            foreach (var i in rows) counts[(int)data.Target[i]] += data.Weights?[i] ?? 1;
            return counts;
        }

        private static double Gini(double[] counts, double n) => n == 0 ? 0 : 1 - counts.Sum(c => c / n * (c / n));

        private double Sse(int[] rows)
        {
            if (rows.Length == 0) return 0;
            var mean = rows.Average(i => data.Target[i]);
            return rows.Sum(i => (data.Target[i] - mean) * (data.Target[i] - mean)) / rows.Length;
        }

        /// <summary>Scans every feature's sorted values, updating class counts (or sums) incrementally.</summary>
        private (int Feature, float Threshold, double Gain) BestSplit(int[] rows)
        {
            var n = rows.Length;
            var parent = Impurity(rows);
            var best = (Feature: -1, Threshold: 0f, Gain: 0.0);
            for (var f = 0; f < data.Width; f++)
            {
                var sorted = rows.OrderBy(i => data.Features[i][f]).ToArray();
                var leftCounts = new double[Math.Max(classes, 1)];
                var rightCounts = classes >= 2 ? Counts(rows) : [];
                double leftSum = 0, leftSq = 0, rightSum = rows.Sum(i => data.Target[i]), rightSq = rows.Sum(i => data.Target[i] * data.Target[i]);
                for (var s = 0; s < n - 1; s++)
                {
                    var i = sorted[s];
                    if (classes >= 2)
                    {
                        var w = data.Weights?[i] ?? 1;
                        leftCounts[(int)data.Target[i]] += w;
                        rightCounts[(int)data.Target[i]] -= w;
                    }
                    else
                    {
                        leftSum += data.Target[i]; leftSq += data.Target[i] * data.Target[i];
                        rightSum -= data.Target[i]; rightSq -= data.Target[i] * data.Target[i];
                    }
                    var here = data.Features[i][f];
                    var next = data.Features[sorted[s + 1]][f];
                    if (next <= here || s + 1 < minLeaf || n - s - 1 < minLeaf) continue;
                    double nl = s + 1, nr = n - s - 1, impurity;
                    if (classes >= 2) impurity = (nl * Gini(leftCounts, leftCounts.Sum()) + nr * Gini(rightCounts, rightCounts.Sum())) / n;
                    else impurity = ((leftSq - leftSum * leftSum / nl) + (rightSq - rightSum * rightSum / nr)) / n;
                    var gain = parent - impurity;
                    if (gain > best.Gain)
                    {
                        var threshold = here + (next - here) / 2f;
                        if (threshold >= next) threshold = here; // float rounding: keep "here" left and "next" right
                        best = (f, threshold, gain);
                    }
                }
            }
            return best;
        }

        public (TreeStructure Tree, double[][] Values) ToTree() => (
            new TreeStructure(_feature.ToArray(), _threshold.Select(t => (double)t).ToArray(), _left.ToArray(), _right.ToArray(),
                _value.Select(v => v.Length == 1 ? v[0] : v[^1]).ToArray(), _cover.ToArray()),
            _value.ToArray());
    }
}

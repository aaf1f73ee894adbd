using EdgeML.Compiler.Onnx;

namespace EdgeML.Training.Models;

/// <summary>
/// Linear support vector regression (ε-insensitive loss, L2 penalty): ML.NET has no SVM regressor, so it is
/// fitted here by averaged stochastic subgradient descent on the standardised target, and EdgeML writes its
/// graph (one MatMul and Add). Errors within ε (in target standard deviations) cost nothing.
/// </summary>
internal sealed class LinearSvrTrainer : ModelTrainer
{
    public override string Name => "svr";
    public override LearningTask[] Tasks => [LearningTask.Regression];
    public override IReadOnlyDictionary<string, double> Defaults => new Dictionary<string, double> { ["lambda"] = 1e-4, ["epsilon"] = 0.1, ["epochs"] = 30 };
    public override IReadOnlyDictionary<string, Pipeline.ParameterRange> DefaultSpace => new Dictionary<string, Pipeline.ParameterRange>
    {
        ["lambda"] = new() { Min = 1e-6, Max = 1e-1, Log = true },
        ["epsilon"] = new() { Min = 0.01, Max = 0.5, Log = true },
    };

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        var lambda = Get(hyperparameters, "lambda");
        var epsilon = Get(hyperparameters, "epsilon");
        var epochs = Math.Max(1, (int)Get(hyperparameters, "epochs"));
        var width = data.Width;
        var mean = data.Target.Average();
        var spread = Math.Sqrt(data.Target.Sum(t => (t - mean) * (t - mean)) / Math.Max(1, data.Rows));
        if (spread < 1e-12) spread = 1;
        var y = data.Target.Select(t => (t - mean) / spread).ToArray();
        var w = new double[width];
        double b = 0;
        var averageW = new double[width];
        double averageB = 0;
        var random = new Random(seed);
        var order = Enumerable.Range(0, data.Rows).ToArray();
        var step = 0L;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                step++;
                var rate = 1.0 / (1 + 0.01 * step); // decaying, so the average settles
                var x = data.Features[i];
                var error = b - y[i];
                for (var j = 0; j < width; j++) error += w[j] * x[j];
                // Subgradient of max(0, |error| − ε) plus the penalty's.
                var direction = error > epsilon ? 1.0 : error < -epsilon ? -1.0 : 0.0;
                var weight = data.Weights?[i] ?? 1f;
                for (var j = 0; j < width; j++) w[j] -= rate * (lambda * w[j] + weight * direction * x[j]);
                b -= rate * weight * direction;
                // Running (Polyak) average of the iterates: steadier than the last one.
                for (var j = 0; j < width; j++) averageW[j] += (w[j] - averageW[j]) / step;
                averageB += (b - averageB) / step;
            }
        }
        // Back to the target's units: ŷ = mean + spread · (w·x + b).
        return new LinearScoreModel(Name, averageW.Select(v => (float)(v * spread)).ToArray(), (float)(mean + averageB * spread));
    }
}

/// <summary>score = x·w + b, for linear regressors EdgeML fits itself.</summary>
internal sealed class LinearScoreModel(string name, float[] weights, float bias) : TrainedModel
{
    public override string Name => name;
    public override bool IsDifferentiable => true;

    public override ModelOutput Predict(float[][] features) => new(null, features.Select(x =>
    {
        float sum = 0;
        for (var j = 0; j < weights.Length; j++) sum += x[j] * weights[j];
        return (double)(sum + bias);
    }).ToArray());

    public override string EmitOnnx(OnnxGraphBuilder graph, string features) =>
        graph.Apply("Add", graph.Apply("MatMul", features, graph.Constant("svr_w", weights, weights.Length, 1)), graph.Constant("svr_b", [bias], 1, 1));
}

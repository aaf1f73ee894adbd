using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using MathNet.Numerics.LinearAlgebra;

namespace EdgeML.Training.Models;

/// <summary>
/// Linear discriminant analysis: Gaussian classes sharing one (shrunk) covariance, so the class scores are linear,
/// δ_k(x) = xᵀΣ⁻¹μ_k − ½μ_kᵀΣ⁻¹μ_k + ln π_k, turned into probabilities by softmax. Fitted with MathNet.
/// </summary>
internal sealed class LinearDiscriminantTrainer : ModelTrainer
{
    public override string Name => "lda";
    public override LearningTask[] Tasks => [LearningTask.Binary, LearningTask.Multiclass];
    public override IReadOnlyDictionary<string, double> Defaults => new Dictionary<string, double> { ["shrinkage"] = 0.05 };
    public override IReadOnlyDictionary<string, Pipeline.ParameterRange> DefaultSpace =>
        new Dictionary<string, Pipeline.ParameterRange> { ["shrinkage"] = new() { Min = 0.001, Max = 0.9, Log = true } };

    public override TrainedModel Fit(LearningData data, int classes, IReadOnlyDictionary<string, double> hyperparameters, int seed)
    {
        var width = data.Width;
        var shrinkage = Get(hyperparameters, "shrinkage");
        var x = Matrix<double>.Build.Dense(data.Rows, width, (i, j) => data.Features[i][j]);
        var means = new Vector<double>[classes];
        var priors = new double[classes];
        var scatter = Matrix<double>.Build.Dense(width, width);
        for (var k = 0; k < classes; k++)
        {
            var rows = Enumerable.Range(0, data.Rows).Where(i => (int)data.Target[i] == k).ToArray();
            priors[k] = Math.Max(rows.Length, 1) / (double)data.Rows;
            means[k] = rows.Length == 0 ? Vector<double>.Build.Dense(width) : rows.Select(i => x.Row(i)).Aggregate((a, b) => a + b) / rows.Length;
            foreach (var i in rows)
            {
                var d = x.Row(i) - means[k];
                scatter += d.OuterProduct(d);
            }
        }
        var covariance = scatter / Math.Max(1, data.Rows - classes);
        // Shrink toward the diagonal's mean so one-hot and constant columns keep the matrix invertible.
        var trace = covariance.Trace() / Math.Max(1, width);
        covariance = covariance * (1 - shrinkage) + Matrix<double>.Build.DenseIdentity(width) * (shrinkage * Math.Max(trace, 1e-6));
        var inverse = covariance.Inverse();
        var weights = new float[width * classes];
        var bias = new float[classes];
        for (var k = 0; k < classes; k++)
        {
            var w = inverse * means[k];
            for (var j = 0; j < width; j++) weights[j * classes + k] = (float)w[j];
            bias[k] = (float)(-0.5 * means[k].DotProduct(w) + Math.Log(priors[k]));
        }
        return new SoftmaxLinearModel("lda", weights, bias, width, classes);
    }
}

/// <summary>p = softmax(xW + b): the deployable form of LDA (and any multinomial linear classifier).</summary>
internal sealed class SoftmaxLinearModel(string name, float[] weights, float[] bias, int width, int classes) : TrainedModel
{
    public override string Name => name;
    public override bool IsDifferentiable => true;

    public override ModelOutput Predict(float[][] features) => new(features.Select(x =>
    {
        var logits = new double[classes];
        for (var k = 0; k < classes; k++)
        {
            float sum = 0;
            for (var j = 0; j < width; j++) sum += x[j] * weights[j * classes + k];
            logits[k] = sum + bias[k];
        }
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var total = exp.Sum();
        return exp.Select(e => e / total).ToArray();
    }).ToArray(), null);

    public override string EmitOnnx(OnnxGraphBuilder graph, string features) =>
        graph.Apply("Softmax", graph.Apply("Add", graph.Apply("MatMul", features, graph.Constant("W", weights, width, classes)), graph.Constant("b", bias, 1, classes))).Attr("axis", 1);
}

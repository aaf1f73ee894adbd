using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;
using EdgeML.Training.Models;
using Microsoft.ML;
using Xunit.Abstractions;

namespace EdgeML.Training.Tests;

/// <summary>
/// Models trained by ML.NET on a small synthetic data set, exported by ML.NET's ONNX converter
/// (ai.onnx.ml TreeEnsemble*, LinearClassifier/Regressor, ...), compiled and run by EdgeML and by
/// ONNX Runtime on the same rows: every output (labels, scores, probabilities) must agree.
/// </summary>
public sealed class MlNetOnnxExportTests(ITestOutputHelper output)
{
    private const int Width = 4;

    /// <summary>Rows of four features; the regression target is a smooth function of them, the
    /// classes its sign (binary) or its terciles (multiclass).</summary>
    private static (float[][] X, double[] Y) Synthetic(int rows, int seed)
    {
        var rng = new Random(seed);
        var x = new float[rows][];
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            x[i] = Enumerable.Range(0, Width).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
            y[i] = 1.5 * x[i][0] - x[i][1] + 0.5 * x[i][2] * x[i][3] + 0.3 * (rng.NextDouble() - 0.5);
        }
        return (x, y);
    }

    private static LearningData Data(string task, int rows, int seed)
    {
        var (x, y) = Synthetic(rows, seed);
        var target = task switch
        {
            "binary" => y.Select(v => v > 0 ? 1.0 : 0.0).ToArray(),
            "multiclass" => y.Select(v => v < -1 ? 0.0 : v < 1 ? 1.0 : 2.0).ToArray(),
            _ => y,
        };
        return new LearningData(x, target);
    }

    public static TheoryData<string, string> Models() => new()
    {
        { "lightgbm", "binary" },
        { "lightgbm", "multiclass" },
        { "lightgbm", "regression" },
        { "fasttree", "binary" },
        { "fasttree", "regression" },
        { "logistic", "binary" },
        { "logistic", "multiclass" },
        { "linear", "regression" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void EdgeML_runs_the_ML_NET_export_like_onnx_runtime(string model, string task)
    {
        int classes = task switch { "binary" => 2, "multiclass" => 3, _ => 0 };
        var hyper = new Dictionary<string, double> { ["iterations"] = 20, ["trees"] = 20, ["leaves"] = 8, ["minLeaf"] = 5 };
        var trained = (MlNetModel)ModelCatalog.Find(model).Fit(Data(task, 300, 1), classes, hyper, seed: 7);

        var ml = new MLContext(1);
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(trained.Transformer, MlNetData.Features(ml, [new float[Width]], Width), stream);
        var onnx = stream.ToArray();

        var (rows, _) = Synthetic(64, 99);
        var features = OpTester.Make("Features", DataType.Float, [rows.Length, Width], rows.SelectMany(r => r).ToArray());
        var exported = EdgeML.Compiler.Onnx.OnnxImporter.Load(onnx, null).Graph.Nodes;
        output.WriteLine($"{model} {task}: {string.Join(", ", exported.Select(n => (n.Domain.Length > 0 ? n.Domain + "." : "") + n.OpType).Distinct())}");
        Assert.Contains(exported, n => n.Domain == "ai.onnx.ml");
        var inputs = new Dictionary<string, Tensor> { ["Features"] = features };
        var expected = OpTester.RunOrt(onnx, inputs);
        var actual = OpTester.RunEdgeML(onnx, inputs);
        // The model learned something: its scores vary over the rows.
        var score = actual.Single(t => t.Name == "Score.output");
        Assert.True(score.ReadOnlySpan<float>().ToArray().Distinct().Count() > 4, "the scores barely vary: the comparison would prove little");
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var r = EdgeML.Compiler.Verification.TensorComparison.Compare(actual[k], expected[k], 1e-4, 1e-5);
            Assert.True(r.Equal, $"output {k} ({expected[k].Name}) differs from ONNX Runtime: {r.Reason}");
        }
    }
}

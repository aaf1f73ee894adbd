using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Kernels;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;
using EdgeML.Training.Models;
using EdgeML.Training.Onnx;
using EdgeML.Training.Onnx.Proto;
using Microsoft.ML;
using Xunit.Abstractions;

namespace EdgeML.Training.Tests;

/// <summary>
/// Models trained by ML.NET on a small synthetic data set, exported by ML.NET's ONNX converter
/// (ai.onnx.ml TreeEnsemble*, LinearClassifier/Regressor, ...), compiled and run by EdgeML and by
/// ONNX Runtime on the same rows: every output must agree. Where the export uses a standard
/// operator EdgeML does not implement yet, the comparison runs on the part of the graph EdgeML
/// implements (every ai.onnx.ml node and what feeds it), with that part's frontier as outputs.
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
        var (part, dropped) = ImplementedPart(OnnxModelFile.Parse(onnx));
        output.WriteLine($"{model} {task}: ops {string.Join(", ", part.Graph.Node.Select(n => (n.Domain.Length > 0 ? n.Domain + "." : "") + n.OpType).Distinct())}; not run (not implemented, or fed by such a node): {string.Join(", ", dropped)}");
        Assert.Contains(part.Graph.Node, n => n.Domain == "ai.onnx.ml");
        var bytes = OnnxModelFile.Serialize(part);
        var inputs = new Dictionary<string, Tensor> { ["Features"] = features };
        var expected = OpTester.RunOrt(bytes, inputs);
        var actual = OpTester.RunEdgeML(bytes, inputs);
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var r = EdgeML.Compiler.Verification.TensorComparison.Compare(actual[k], expected[k], 1e-4, 1e-5);
            Assert.True(r.Equal, $"output {k} ({expected[k].Name}) differs from ONNX Runtime: {r.Reason}");
        }
    }

    /// <summary>The nodes (in order) whose operator EdgeML implements and whose inputs are available;
    /// the outputs are the whole graph's when every node is kept, else every value a kept node makes
    /// that a dropped node or the graph reads. Returns the dropped operators too.</summary>
    private static (ModelProto Part, List<string> Dropped) ImplementedPart(ModelProto model)
    {
        var graph = model.Graph;
        var available = new HashSet<string>(graph.Input.Select(i => i.Name).Concat(graph.Initializer.Select(t => t.Name)));
        var kept = new List<NodeProto>();
        var dropped = new List<NodeProto>();
        foreach (var node in graph.Node)
        {
            var schema = OpCatalog.Find(OpCatalog.NormalizeDomain(node.Domain), node.OpType);
            bool ok = schema != null && KernelRegistry.IsImplemented(schema.Code) && node.Input.All(i => i.Length == 0 || available.Contains(i));
            if (!ok)
            {
                dropped.Add(node);
                continue;
            }
            kept.Add(node);
            foreach (var o in node.Output) available.Add(o);
        }
        var part = model.Clone();
        part.Graph.Node.Clear();
        part.Graph.Node.AddRange(kept);
        if (dropped.Count > 0)
        {
            var produced = kept.SelectMany(n => n.Output).ToHashSet();
            var read = dropped.SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name)).ToHashSet();
            part.Graph.Output.Clear();
            foreach (var name in kept.SelectMany(n => n.Output).Where(o => produced.Contains(o) && read.Contains(o)).Distinct())
                part.Graph.Output.Add(graph.ValueInfo.FirstOrDefault(v => v.Name == name) ?? graph.Output.FirstOrDefault(v => v.Name == name) ?? new ValueInfoProto { Name = name });
        }
        return (part, dropped.Select(n => n.OpType).Distinct().ToList());
    }
}

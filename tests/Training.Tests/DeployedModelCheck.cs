using System.Globalization;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.Training.Data;
using Ort = Microsoft.ML.OnnxRuntime;

namespace EdgeML.Training.Tests;

/// <summary>
/// Checks a run's deployed models independently of the pipeline's own verification: the raw test rows named in
/// predictions.csv are fed to model.edgeml (EdgeML runtime) and model.onnx (ONNX Runtime) through whatever inputs
/// the models declare, and both are compared with the trained model's outputs written in predictions.csv.
/// </summary>
internal static class DeployedModelCheck
{
    public sealed record Outputs(float[][] Main, long[]? Labels);

    public static void AssertAgree(string dataPath, string output, string task)
    {
        var edgemlPath = Path.Combine(output, "model.edgeml");
        Assert.True(File.Exists(edgemlPath), "model.edgeml was not written: " + ReadStatus(output));
        var predictions = PipelineTests.ReadPredictions(output);
        var header = predictions[0];
        var body = predictions.Skip(1).ToList();
        var table = DateFeatures.Expand(TabularFileLoader.Load(dataPath)).Select(body.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToArray());

        var (main, label) = task switch
        {
            "binary" or "multiclass" => ("probabilities", "label"),
            "clustering" => ("distances", "cluster"),
            _ => ("score", (string?)null),
        };
        var edgeml = RunEdgeML(edgemlPath, table, main, label);
        var ort = RunOnnxRuntime(Path.Combine(output, "model.onnx"), table, main, label);

        // The trained model's outputs as predictions.csv holds them: every class probability, or the score.
        var classes = header.Skip(3).Where(h => h.StartsWith("p_", StringComparison.Ordinal)).Select(h => h[2..]).ToList();
        for (var i = 0; i < body.Count; i++)
        {
            float[] trained = classes.Count > 0
                ? body[i].Skip(3).Take(classes.Count).Select(v => (float)double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
                : [(float)double.Parse(body[i][3], CultureInfo.InvariantCulture)];
            var edgemlRow = task == "clustering" ? [edgeml.Main[i].Min()] : edgeml.Main[i];
            for (var j = 0; j < trained.Length; j++)
            {
                Assert.True(Math.Abs(edgemlRow[j] - trained[j]) <= 1e-4, $"row {body[i][0]} output {j}: EdgeML {edgemlRow[j]} vs trained {trained[j]}");
                Assert.True(Math.Abs(ort.Main[i][j] - edgeml.Main[i][j]) <= 1e-4, $"row {body[i][0]} output {j}: EdgeML {edgeml.Main[i][j]} vs ONNX Runtime {ort.Main[i][j]}");
            }
            if (edgeml.Labels is null) continue;
            Assert.Equal(ort.Labels![i], edgeml.Labels[i]);
            var decided = task == "clustering" ? edgeml.Labels[i].ToString(CultureInfo.InvariantCulture) : classes[(int)edgeml.Labels[i]];
            Assert.Equal(body[i][2], decided);
        }
    }

    private static string ReadStatus(string output)
    {
        var metrics = Path.Combine(output, "metrics.json");
        return File.Exists(metrics) ? System.Text.Json.JsonDocument.Parse(File.ReadAllText(metrics)).RootElement
            .GetProperty("deployment").GetProperty("edgeML").GetProperty("status").GetString() ?? "" : "no metrics.json";
    }

    public static Outputs RunEdgeML(string path, DataTable rows, string main, string? label)
    {
        using var session = InferenceSession.Open(path);
        long n = rows.RowCount;
        foreach (var input in session.Inputs)
        {
            var column = rows[input.Name];
            if (input.Type == DataType.String)
            {
                var tensor = session.Input(input.Name);
                tensor.Allocate(DataType.String, [n, 1]);
                for (var i = 0; i < n; i++) tensor.Strings[i] = column.Strings![i] ?? "";
            }
            else session.SetInput<float>(input.Name, column.Numbers!.Select(v => (float)v).ToArray(), [n, 1], DataType.Float);
        }
        session.Run();
        var values = session.Output(main).ReadOnlySpan<float>().ToArray();
        var width = values.Length / rows.RowCount;
        return new Outputs(values.Chunk(width).ToArray(), label is null ? null : session.Output(label).ReadOnlySpan<long>().ToArray());
    }

    public static Outputs RunOnnxRuntime(string path, DataTable rows, string main, string? label)
    {
        using var session = new Ort.InferenceSession(path);
        var n = rows.RowCount;
        var inputs = session.InputMetadata.Select(kv => kv.Value.ElementType == typeof(string)
            ? Ort.NamedOnnxValue.CreateFromTensor(kv.Key, new Ort.Tensors.DenseTensor<string>(rows[kv.Key].Strings!.Select(s => s ?? "").ToArray(), [n, 1]))
            : Ort.NamedOnnxValue.CreateFromTensor(kv.Key, new Ort.Tensors.DenseTensor<float>(rows[kv.Key].Numbers!.Select(v => (float)v).ToArray(), [n, 1]))).ToList();
        using var results = session.Run(inputs);
        var values = results.First(r => r.Name == main).AsTensor<float>().ToArray();
        var width = values.Length / n;
        return new Outputs(values.Chunk(width).ToArray(), label is null ? null : results.First(r => r.Name == label).AsTensor<long>().ToArray());
    }
}

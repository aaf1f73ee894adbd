using EdgeML.Training.Data;
using EdgeML.Training.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeML.Training.Pipeline;

/// <summary>How closely an exported model reproduces the trained model on the test split.</summary>
public sealed record ExportAgreement(string Engine, int Rows, double MaxAbsoluteDifference, double LabelAgreement);

/// <summary>Runs model.onnx with ONNX Runtime on raw test rows and compares with the in-process predictions.</summary>
internal static class OnnxVerification
{
    public static (ExportAgreement Agreement, float[][] Outputs) Check(string onnxPath, DataTable rows, IReadOnlyList<string> numeric,
        IReadOnlyList<string> categorical, LearningTask task, ModelOutput expected, int[]? expectedLabels)
    {
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        using var session = new InferenceSession(onnxPath, options);
        var n = rows.RowCount;
        var inputs = new List<NamedOnnxValue>();
        foreach (var name in numeric)
            inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(rows[name].Numbers!.Select(v => (float)v).ToArray(), [n, 1])));
        foreach (var name in categorical)
            inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(rows[name].Strings!.Select(s => s ?? "").ToArray(), [n, 1])));
        using var results = session.Run(inputs);
        var main = task switch
        {
            LearningTask.Binary or LearningTask.Multiclass => "probabilities",
            LearningTask.Clustering => "distances",
            _ => "score",
        };
        var tensor = results.First(r => r.Name == main).AsTensor<float>();
        var width = (int)(tensor.Length / Math.Max(1, n));
        var outputs = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, width).Select(j => tensor[i, j]).ToArray()).ToArray();
        double maxDiff = 0;
        var agree = 0;
        int[]? labels = null;
        if (results.Any(r => r.Name == "label")) labels = results.First(r => r.Name == "label").AsTensor<long>().Select(v => (int)v).ToArray();
        if (results.Any(r => r.Name == "cluster")) labels = results.First(r => r.Name == "cluster").AsTensor<long>().Select(v => (int)v).ToArray();
        for (var i = 0; i < n; i++)
        {
            if (expected.Probabilities is not null)
                for (var j = 0; j < width; j++) maxDiff = Math.Max(maxDiff, Math.Abs(outputs[i][j] - expected.Probabilities[i][j]));
            else if (task != LearningTask.Clustering)
                maxDiff = Math.Max(maxDiff, Math.Abs(outputs[i][0] - expected.Scores![i]));
            if (labels is not null && expectedLabels is not null && labels[i] == expectedLabels[i]) agree++;
        }
        var agreement = labels is null || expectedLabels is null ? double.NaN : agree / (double)Math.Max(1, n);
        return (new ExportAgreement("onnxruntime", n, maxDiff, agreement), outputs);
    }
}

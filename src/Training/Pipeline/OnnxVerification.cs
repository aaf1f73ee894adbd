using EdgeML.Training.Data;
using EdgeML.Training.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeML.Training.Pipeline;

/// <summary>Runs model.onnx with ONNX Runtime on raw test rows, as a device would feed them.</summary>
internal static class OnnxVerification
{
    public static EngineOutputs Run(string onnxPath, DataTable rows, IReadOnlyList<string> numeric, IReadOnlyList<string> categorical, LearningTask task)
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
        var tensor = results.First(r => r.Name == ModelOutputs.Main(task)).AsTensor<float>();
        var width = (int)(tensor.Length / Math.Max(1, n));
        var outputs = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, width).Select(j => tensor[i, j]).ToArray()).ToArray();
        var labelOutput = ModelOutputs.LabelOf(task);
        var labels = labelOutput is null ? null : results.First(r => r.Name == labelOutput).AsTensor<long>().Select(v => (int)v).ToArray();
        return new EngineOutputs("onnxruntime", outputs, labels);
    }
}

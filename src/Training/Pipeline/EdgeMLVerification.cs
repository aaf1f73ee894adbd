using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.Training.Data;
using EdgeML.Training.Models;

namespace EdgeML.Training.Pipeline;

/// <summary>Runs model.edgeml with the EdgeML runtime on raw test rows, loading the file as a device does.</summary>
internal static class EdgeMLVerification
{
    public static EngineOutputs Run(string edgemlPath, DataTable rows, IReadOnlyList<string> numeric, IReadOnlyList<string> categorical, LearningTask task)
    {
        using var session = InferenceSession.Open(edgemlPath);
        var n = rows.RowCount;
        long[] shape = [n, 1];
        foreach (var name in numeric)
            session.SetInput<float>(name, rows[name].Numbers!.Select(v => (float)v).ToArray(), shape, DataType.Float);
        foreach (var name in categorical)
        {
            var input = session.Input(name);
            input.Allocate(DataType.String, shape);
            var strings = input.Strings;
            for (var i = 0; i < n; i++) strings[i] = rows[name].Strings![i] ?? "";
        }
        session.Run();
        var main = session.Output(ModelOutputs.Main(task));
        var values = main.ReadOnlySpan<float>();
        var width = (int)(values.Length / Math.Max(1, n));
        var outputs = new float[n][];
        for (var i = 0; i < n; i++) outputs[i] = values.Slice(i * width, width).ToArray();
        int[]? labels = null;
        if (ModelOutputs.LabelOf(task) is { } labelOutput)
        {
            var raw = session.Output(labelOutput).ReadOnlySpan<long>();
            labels = new int[raw.Length];
            for (var i = 0; i < raw.Length; i++) labels[i] = (int)raw[i];
        }
        return new EngineOutputs("edgeml", outputs, labels);
    }
}

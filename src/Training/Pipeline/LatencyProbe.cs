using System.Diagnostics;
using EdgeML.Training.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeML.Training.Pipeline;

/// <summary>Measures single-row latency of model.onnx on this host (ONNX Runtime, one thread), for the latency constraint.</summary>
internal static class LatencyProbe
{
    public static double MedianSingleRowMilliseconds(string onnxPath, DataTable rows, IReadOnlyList<string> numeric, IReadOnlyList<string> categorical, int runs = 50)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(onnxPath, options);
        var inputs = numeric.Select(n => NamedOnnxValue.CreateFromTensor(n, new DenseTensor<float>(new[] { (float)rows[n].Numbers![0] }, [1, 1])))
            .Concat(categorical.Select(n => NamedOnnxValue.CreateFromTensor(n, new DenseTensor<string>(new[] { rows[n].Strings![0] ?? "" }, [1, 1])))).ToList();
        using (session.Run(inputs)) { } // warm-up
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using (session.Run(inputs)) { }
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}

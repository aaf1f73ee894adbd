using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Oracle;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Helpers for the random-operator tests: several runs of one session (the generator
/// continues from run to run) on EdgeML and on ONNX Runtime, and sample statistics.</summary>
internal static class RandomTestData
{
    public static List<Tensor> RunEdgeML(byte[] onnx, IReadOnlyDictionary<string, Tensor> inputs, int runs)
    {
        var compiled = ModelCompiler.Compile(OnnxImporter.Load(onnx, null), new CompileOptions());
        using var model = EdgeMLModel.FromBytes(compiled.Bytes);
        using var session = new InferenceSession(model);
        foreach (var (name, t) in inputs) session.Input(name).CopyFrom(t);
        var results = new List<Tensor>();
        for (int r = 0; r < runs; r++)
        {
            session.Run();
            var copy = new Tensor($"run{r}");
            copy.CopyFrom(session.Output(0));
            results.Add(copy);
        }
        return results;
    }

    public static List<Tensor> RunOrt(byte[] onnx, IReadOnlyDictionary<string, Tensor> inputs, int runs)
    {
        var path = Path.Combine(TestPaths.TempFolder(), "model.onnx");
        File.WriteAllBytes(path, onnx);
        using var ort = new OrtRunner(path, Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_DISABLE_ALL);
        return Enumerable.Range(0, runs).Select(_ => ort.Run(inputs)[0]).ToList();
    }

    /// <summary>Runs twice on both engines and asserts the two streams agree run by run and that the
    /// second run continues the stream rather than repeating the first.</summary>
    public static void AssertSameStreamAsOrt(OnnxModelBuilder m, IReadOnlyDictionary<string, Tensor> inputs, double rtol = 1e-6, double atol = 1e-7)
    {
        var bytes = m.ToBytes();
        var expected = RunOrt(bytes, inputs, 2);
        var actual = RunEdgeML(bytes, inputs, 2);
        for (int r = 0; r < 2; r++)
        {
            var c = TensorComparison.Compare(actual[r], expected[r], rtol, atol);
            Assert.True(c.Equal, $"run {r} differs from ONNX Runtime: {c.Reason}");
        }
        Assert.False(TensorComparison.Compare(actual[1], actual[0], 0, 0).Equal, "the second run repeated the first");
    }

    public static double[] Values(Tensor t) => Enumerable.Range(0, (int)t.Length).Select(i => EdgeML.Runtime.Kernels.Common.KernelHelpers.GetDouble(t, i)).ToArray();

    public static (double Mean, double Std) Moments(double[] v)
    {
        double mean = v.Average();
        return (mean, Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length));
    }
}

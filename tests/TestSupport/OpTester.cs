using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Oracle;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using Xunit;

namespace EdgeML.TestSupport;

/// <summary>
/// Runs a model built in code on EdgeML (compiled through the .edgeml format) and on ONNX Runtime
/// with the same inputs, and asserts the outputs agree: the standard test of a kernel.
/// </summary>
public static class OpTester
{
    public static List<Tensor> RunEdgeML(byte[] onnx, IReadOnlyDictionary<string, Tensor> inputs)
    {
        var compiled = ModelCompiler.Compile(OnnxImporter.Load(onnx, null), new CompileOptions());
        using var model = EdgeMLModel.FromBytes(compiled.Bytes);
        using var session = new InferenceSession(model);
        foreach (var (name, t) in inputs) session.Input(name).CopyFrom(t);
        session.Run();
        var outputs = new List<Tensor>();
        for (int k = 0; k < session.Outputs.Count; k++)
        {
            var copy = new Tensor(session.Outputs[k].Name);
            copy.CopyFrom(session.Output(k));
            outputs.Add(copy);
        }
        return outputs;
    }

    public static List<Tensor> RunOrt(byte[] onnx, IReadOnlyDictionary<string, Tensor> inputs)
    {
        var path = Path.Combine(TestPaths.TempFolder(), "model.onnx");
        File.WriteAllBytes(path, onnx);
        using var ort = new OrtRunner(path, Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_DISABLE_ALL);
        return ort.Run(inputs);
    }

    /// <summary>Asserts EdgeML's outputs equal ONNX Runtime's within the tolerances.</summary>
    public static void AssertMatchesOrt(OnnxModelBuilder model, IReadOnlyDictionary<string, Tensor> inputs, double rtol = 1e-4, double atol = 1e-5)
    {
        var bytes = model.ToBytes();
        var expected = RunOrt(bytes, inputs);
        var actual = RunEdgeML(bytes, inputs);
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var r = TensorComparison.Compare(actual[k], expected[k], rtol, atol);
            Assert.True(r.Equal, $"output {k} differs from ONNX Runtime: {r.Reason}");
        }
    }

    /// <summary>A tensor from values, for test inputs.</summary>
    public static Tensor Make<T>(string name, DataType type, long[] shape, params T[] values) where T : unmanaged
    {
        var t = new Tensor(name);
        t.Allocate(type, shape);
        values.AsSpan().CopyTo(t.Span<T>());
        return t;
    }

    /// <summary>A float tensor with values from a fixed seed in [lo, hi).</summary>
    public static Tensor Random(string name, long[] shape, int seed = 1, float lo = -1, float hi = 1)
    {
        var rng = new System.Random(seed);
        var t = new Tensor(name);
        t.Allocate(DataType.Float, shape);
        foreach (ref var x in t.Span<float>()) x = lo + (float)rng.NextDouble() * (hi - lo);
        return t;
    }
}

using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using Xunit;

namespace EdgeML.TestSupport;

/// <summary>
/// Runs one compiled model under every CPU variant this machine supports and compares each fast
/// variant with <see cref="CpuVariant.Reference"/> (the plain reference kernels, the oracle).
/// </summary>
public static class VariantTester
{
    /// <summary>Compiles <paramref name="onnx"/> once and returns the outputs of each supported variant.</summary>
    public static Dictionary<CpuVariant, List<Tensor>> RunEveryVariant(byte[] onnx, IReadOnlyDictionary<string, Tensor> inputs, bool optimize = false)
    {
        var compiled = ModelCompiler.Compile(OnnxImporter.Load(onnx, null), new CompileOptions { Optimize = optimize });
        using var model = EdgeMLModel.FromBytes(compiled.Bytes);
        var results = new Dictionary<CpuVariant, List<Tensor>>();
        foreach (var variant in CpuFeatures.SupportedVariants)
        {
            using var scope = CpuFeatures.ForceVariant(variant);
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
            results[variant] = outputs;
        }
        return results;
    }

    /// <summary>Asserts every fast variant's outputs equal the reference kernels' within the tolerances.</summary>
    public static void AssertVariantsMatchReference(byte[] onnx, IReadOnlyDictionary<string, Tensor> inputs, double rtol, double atol, string what = "", bool optimize = false)
    {
        var results = RunEveryVariant(onnx, inputs, optimize);
        var expected = results[CpuVariant.Reference];
        foreach (var (variant, actual) in results)
        {
            if (variant == CpuVariant.Reference) continue;
            Assert.Equal(expected.Count, actual.Count);
            for (int k = 0; k < expected.Count; k++)
            {
                var r = TensorComparison.Compare(actual[k], expected[k], rtol, atol);
                Assert.True(r.Equal, $"{what} {variant} output {k} differs from the reference kernels: {r.Reason}");
            }
        }
    }
}

using EdgeML.Compiler;
using EdgeML.Compiler.Verification;
using EdgeML.Oracle;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Execution;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Models;

/// <summary>Every real model, compiled with the optimising passes once, matches ONNX Runtime under
/// every CPU variant this machine runs (the reference kernels too, for the models small enough),
/// with one thread and with two.</summary>
public class SharedModelVariantTests
{
    public static TheoryData<string> Models => new(SharedModelCatalog.Names);

    // Plain reference kernels on the packed, fused models: only where that takes well under a second.
    private static readonly HashSet<string> ReferenceToo = ["silero_vad_v4", "oww_melspectrogram", "oww_hey_mycroft"];

    [SharedDataTheory("models")]
    [MemberData(nameof(Models))]
    public void Every_variant_matches_onnx_runtime(string name)
    {
        var path = SharedModelCatalog.PathOf(name);
        var inputs = SharedModelCatalog.MakeInputs(name);
        using var ort = new OrtRunner(path);
        var expected = ort.Run(inputs);
        using var model = ModelCompiler.LoadOnnx(path, new CompileOptions { Dims = SharedModelCatalog.Dims(name) });
        foreach (var variant in CpuFeatures.SupportedVariants)
        {
            if (variant == CpuVariant.Reference && !ReferenceToo.Contains(name)) continue;
            foreach (int threads in new[] { 1, 2 })
            {
                using var scope = CpuFeatures.ForceVariant(variant);
                using var session = new InferenceSession(model, new SessionOptions { IntraOpThreads = threads });
                foreach (var (n, t) in inputs) session.Input(n).CopyFrom(t);
                session.Run();
                for (int k = 0; k < expected.Count; k++)
                {
                    var r = TensorComparison.Compare(session.Output(k), expected[k], rtol: 1e-3, atol: 1e-4);
                    Assert.True(r.Equal, $"{name} {variant} threads={threads} output {session.Outputs[k].Name}: {r.Reason}");
                }
            }
        }
    }
}

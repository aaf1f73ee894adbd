using EdgeML.Compiler;
using EdgeML.Compiler.Verification;
using EdgeML.Oracle;
using EdgeML.Runtime.Execution;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Models;

/// <summary>Every real model of ../shared/models compiles, runs and matches ONNX Runtime on the same
/// random inputs (within 1e-4 absolute or 1e-3 relative), and runs without allocating.</summary>
public class SharedModelTests
{
    public static TheoryData<string> Models => new(SharedModelCatalog.Names);

    [SharedDataTheory("models")]
    [MemberData(nameof(Models))]
    public void Matches_onnx_runtime(string name)
    {
        var path = SharedModelCatalog.PathOf(name);
        var inputs = SharedModelCatalog.MakeInputs(name);
        using var ort = new OrtRunner(path);
        var expected = ort.Run(inputs);

        using var model = ModelCompiler.LoadOnnx(path, new CompileOptions { Dims = SharedModelCatalog.Dims(name) });
        using var session = new InferenceSession(model);
        foreach (var (n, t) in inputs) session.Input(n).CopyFrom(t);
        session.Run();
        Assert.Equal(expected.Count, session.Outputs.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var r = TensorComparison.Compare(session.Output(k), expected[k], rtol: 1e-3, atol: 1e-4);
            Assert.True(r.Equal, $"{name} output {session.Outputs[k].Name}: {r.Reason}");
        }
    }

    [SharedDataTheory("models")]
    [MemberData(nameof(Models))]
    public void Runs_with_zero_allocations(string name)
    {
        using var model = ModelCompiler.LoadOnnx(SharedModelCatalog.PathOf(name), new CompileOptions { Dims = SharedModelCatalog.Dims(name) });
        using var session = new InferenceSession(model);
        foreach (var (n, t) in SharedModelCatalog.MakeInputs(name)) session.Input(n).CopyFrom(t);
        long allocated = AllocationMeter.SteadyStateBytes(session.Run);
        Assert.True(allocated == 0, $"{name}: {allocated} bytes allocated in two runs");
    }
}

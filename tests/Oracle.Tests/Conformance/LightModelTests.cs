using EdgeML.Compiler;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Oracle.Tests.Conformance;

/// <summary>The `light` models of the ONNX test data (real architectures whose weights are
/// ConstantOfShape nodes) compile, run and match ONNX Runtime on the same random input.</summary>
public class LightModelTests
{
    public static TheoryData<string> Models => new(
        "light_bvlc_alexnet", "light_densenet121", "light_inception_v1", "light_inception_v2", "light_resnet50",
        "light_shufflenet", "light_squeezenet", "light_vgg19", "light_zfnet512");

    [SharedDataTheory("onnx-tests/light")]
    [MemberData(nameof(Models))]
    public void Matches_onnx_runtime(string name)
    {
        var path = TestPaths.SharedPath("onnx-tests", "light", name + ".onnx");
        using var model = ModelCompiler.LoadOnnx(path);
        using var session = new InferenceSession(model);
        var rng = new Random(17);
        var inputs = new Dictionary<string, Tensor>();
        for (int k = 0; k < session.Inputs.Count; k++)
        {
            var info = session.Inputs[k];
            var t = session.Input(k);
            t.Allocate(info.Type, info.Shape!.Select(d => d.IsFixed ? d.Size : 1).ToArray());
            foreach (ref var x in t.Span<float>()) x = (float)rng.NextDouble();
            inputs[info.Name] = t;
        }
        session.Run();
        using var ort = new OrtRunner(path);
        var expected = ort.Run(inputs);
        for (int k = 0; k < expected.Count; k++)
        {
            var r = TensorComparison.Compare(session.Output(k), expected[k], rtol: 1e-3, atol: 1e-4);
            Assert.True(r.Equal, $"{name} output {k}: {r.Reason}");
        }
    }
}

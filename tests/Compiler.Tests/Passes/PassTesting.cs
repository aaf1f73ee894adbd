using EdgeML.Compiler.IR;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Passes;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Compiler.Tests.Passes;

/// <summary>Shared steps of the optimising-pass tests: import and probe shapes, run one pass,
/// count operators, and compare a model's outputs compiled with and without the optimising passes.</summary>
internal static class PassTesting
{
    /// <summary>The model imported with shapes probed (the optimising passes run after shape inference).</summary>
    public static IrModel Probed(OnnxModelBuilder m)
    {
        var ir = OnnxImporter.Load(m.ToBytes(), null);
        var context = new PassContext(new CompileOptions());
        foreach (var pass in new IPass[] { new DeadNodeElimination(), new NoOpElimination(), new ConstantFolding(), new ShapeInference() })
            pass.Run(ir, context);
        return ir;
    }

    public static bool Run(IPass pass, IrModel ir) => pass.Run(ir, new PassContext(new CompileOptions()));

    /// <summary>Operator names of the main graph, "domain.Name" for non-ONNX domains.</summary>
    public static string[] Ops(IrModel ir) => ir.Graph.Nodes.Select(n => n.Domain.Length == 0 ? n.OpType : n.Domain + "." + n.OpType).ToArray();

    public static int Count(IrModel ir, string op) => Ops(ir).Count(o => o == op);

    /// <summary>Asserts the model computes the same with the optimising passes as without (within
    /// the tolerances), on the given inputs.</summary>
    public static void AssertSameResults(OnnxModelBuilder m, Dictionary<string, Tensor> inputs, double rtol = 1e-5, double atol = 1e-5)
    {
        var plain = Run(m, inputs, optimize: false);
        var optimized = Run(m, inputs, optimize: true);
        Assert.Equal(plain.Count, optimized.Count);
        for (int k = 0; k < plain.Count; k++)
        {
            var r = TensorComparison.Compare(optimized[k], plain[k], rtol, atol);
            Assert.True(r.Equal, $"output {k} changed under the optimising passes: {r.Reason}");
        }
    }

    private static List<Tensor> Run(OnnxModelBuilder m, Dictionary<string, Tensor> inputs, bool optimize)
    {
        var compiled = ModelCompiler.Compile(OnnxImporter.Load(m.ToBytes(), null), new CompileOptions { Optimize = optimize });
        using var model = EdgeMLModel.FromBytes(compiled.Bytes);
        using var session = new InferenceSession(model);
        foreach (var (name, t) in inputs) session.Input(name).CopyFrom(t);
        session.Run();
        var result = new List<Tensor>();
        for (int k = 0; k < session.Outputs.Count; k++)
        {
            var copy = new Tensor(session.Outputs[k].Name);
            copy.CopyFrom(session.Output(k));
            result.Add(copy);
        }
        return result;
    }

    public static float[] Random(int count, int seed, float lo = -1, float hi = 1)
    {
        var rng = new Random(seed);
        var x = new float[count];
        for (int i = 0; i < count; i++) x[i] = lo + (float)rng.NextDouble() * (hi - lo);
        return x;
    }

    public static Dictionary<string, Tensor> Input(string name, long[] shape, int seed = 1) => new() { [name] = OpTester.Random(name, shape, seed) };
}

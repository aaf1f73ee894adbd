using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class IfTests
{
    /// <summary>then: (x + y, x); else: (x * y, y): outer-scope reads, two outputs of different shapes
    /// per branch. ONNX Runtime rejects a branch returning an outer value directly, so for it
    /// (<paramref name="copyOuter"/>) the branches return Identity copies.</summary>
    private static OnnxModelBuilder Model(bool copyOuter = false)
    {
        var thenBranch = new OnnxGraphBuilder("then");
        thenBranch.Output("sum", DataType.Float, null).Output(copyOuter ? "x_copy" : "x", DataType.Float, null);
        thenBranch.Node("Add", ["x", "y"], ["sum"]);
        if (copyOuter) thenBranch.Node("Identity", ["x"], ["x_copy"]);
        var elseBranch = new OnnxGraphBuilder("else");
        elseBranch.Output("product", DataType.Float, null).Output(copyOuter ? "y_copy" : "y", DataType.Float, null);
        elseBranch.Node("Mul", ["x", "y"], ["product"]);
        if (copyOuter) elseBranch.Node("Identity", ["y"], ["y_copy"]);
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("cond", DataType.Bool, null).Input("x", DataType.Float, 2, 3).Input("y", DataType.Float, 3);
        m.Graph.Output("first", DataType.Float, null).Output("second", DataType.Float, null);
        m.Graph.Node("If", ["cond"], ["first", "second"]).Attr("then_branch", thenBranch).Attr("else_branch", elseBranch);
        return m;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Both_branches_match_onnx_runtime(bool cond)
    {
        OpTester.AssertMatchesOrt(Model(copyOuter: true), new Dictionary<string, Tensor>
        {
            ["cond"] = OpTester.Make("cond", DataType.Bool, [1], cond ? (byte)1 : (byte)0),
            ["x"] = OpTester.Random("x", [2, 3], 1),
            ["y"] = OpTester.Random("y", [3], 2),
        });
    }

    [Fact]
    public void Runs_the_branch_of_each_run()
    {
        var bytes = Model().ToBytes();
        var x = OpTester.Make("x", DataType.Float, [2, 3], 1f, 2f, 3f, 4f, 5f, 6f);
        var y = OpTester.Make("y", DataType.Float, [3], 10f, 20f, 30f);
        var yes = OpTester.RunEdgeML(bytes, new Dictionary<string, Tensor> { ["cond"] = OpTester.Make("c", DataType.Bool, [1], (byte)1), ["x"] = x, ["y"] = y });
        var no = OpTester.RunEdgeML(bytes, new Dictionary<string, Tensor> { ["cond"] = OpTester.Make("c", DataType.Bool, [1], (byte)0), ["x"] = x, ["y"] = y });
        Assert.Equal([11f, 22f, 33f, 14f, 25f, 36f], yes[0].ReadOnlySpan<float>().ToArray());
        Assert.Equal([2L, 3L], yes[1].Shape.ToArray());
        Assert.Equal([10f, 40f, 90f, 40f, 100f, 180f], no[0].ReadOnlySpan<float>().ToArray());
        Assert.Equal([3L], no[1].Shape.ToArray());
    }

    [Fact]
    public void A_condition_of_several_elements_is_a_clear_error()
    {
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(Model().ToBytes(), new Dictionary<string, Tensor>
        {
            ["cond"] = OpTester.Make("cond", DataType.Bool, [2], (byte)1, (byte)0),
            ["x"] = OpTester.Random("x", [2, 3], 1),
            ["y"] = OpTester.Random("y", [3], 2),
        }));
        Assert.Contains("the condition must hold one element, not 2", e.Message);
    }
}

public class SileroBranchTests
{
    [SharedDataTheory("models")]
    [InlineData(16000L, 512L)]
    [InlineData(8000L, 256L)]
    public void Silero_vad_branches_match_onnx_runtime_over_several_chunks(long rate, long samples)
    {
        // The VAD's graph is an If on the sample rate whose branches hold the LSTMs; the state
        // outputs feed the next chunk, as a streaming caller does.
        var path = TestPaths.SharedPath("models", "silero_vad_v4.onnx");
        var rng = new Random(5);
        Tensor Floats(string name, long[] shape)
        {
            var t = new Tensor(name);
            t.Allocate(DataType.Float, shape);
            foreach (ref var v in t.Span<float>()) v = (float)(rng.NextDouble() * 2 - 1);
            return t;
        }
        var inputs = new Dictionary<string, Tensor>
        {
            ["sr"] = OpTester.Make("sr", DataType.Int64, [], rate),
            ["h"] = Floats("h", [2, 1, 64]),
            ["c"] = Floats("c", [2, 1, 64]),
        };
        using var ort = new EdgeML.Oracle.OrtRunner(path);
        using var model = EdgeML.Compiler.ModelCompiler.LoadOnnx(path, new EdgeML.Compiler.CompileOptions { Dims = new() { ["batch"] = 1, ["sequence"] = samples } });
        using var session = new EdgeML.Runtime.Execution.InferenceSession(model);
        for (int chunk = 0; chunk < 3; chunk++)
        {
            inputs["input"] = Floats("input", [1, samples]);
            var expected = ort.Run(inputs);
            foreach (var (n, t) in inputs) session.Input(n).CopyFrom(t);
            session.Run();
            for (int k = 0; k < expected.Count; k++)
            {
                var r = EdgeML.Compiler.Verification.TensorComparison.Compare(session.Output(k), expected[k], 1e-3, 1e-4);
                Assert.True(r.Equal, $"chunk {chunk}, output {session.Outputs[k].Name}: {r.Reason}");
            }
            inputs["h"] = expected[1];
            inputs["c"] = expected[2];
        }
    }
}

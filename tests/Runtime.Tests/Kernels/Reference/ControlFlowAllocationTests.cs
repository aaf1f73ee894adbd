using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>The control-flow, sequence, recurrent and random kernels allocate nothing once a session
/// has run (the shared models cover If and LSTM; these models cover the rest).</summary>
public class ControlFlowAllocationTests
{
    private static void AssertNoAllocation(OnnxModelBuilder m, Dictionary<string, Tensor> inputs)
    {
        var compiled = ModelCompiler.Compile(OnnxImporter.Load(m.ToBytes(), null), new CompileOptions());
        using var model = EdgeMLModel.FromBytes(compiled.Bytes);
        using var session = new InferenceSession(model);
        foreach (var (name, t) in inputs) session.Input(name).CopyFrom(t);
        long allocated = AllocationMeter.SteadyStateBytes(session.Run);
        Assert.True(allocated == 0, $"{allocated} bytes allocated in two runs");
    }

    [Fact]
    public void Loop_with_sequences_if_and_scan_outputs()
    {
        var thenBranch = new OnnxGraphBuilder("then");
        thenBranch.Output("doubled", DataType.Float, 2);
        thenBranch.Node("Add", ["acc_out", "acc_out"], ["doubled"]);
        var elseBranch = new OnnxGraphBuilder("else");
        elseBranch.Output("same", DataType.Float, 2);
        elseBranch.Node("Identity", ["acc_out"], ["same"]);
        var body = new OnnxGraphBuilder("body");
        body.Input("i", DataType.Int64).Input("cond_in", DataType.Bool).Input("acc_in", DataType.Float, 2).SequenceInput("seq_in", DataType.Float);
        body.Output("cond_out", DataType.Bool).Output("acc_out", DataType.Float, 2).SequenceOutput("seq_out", DataType.Float).Output("scan", DataType.Float, 2);
        body.Node("SequenceAt", ["flags", "i"], ["cond_out"]);
        body.Node("Add", ["acc_in", "x"], ["acc_out"]);
        body.Node("SequenceInsert", ["seq_in", "acc_out", "zero"], ["seq_out"]);
        body.Node("If", ["cond_in"], ["scan"]).Attr("then_branch", thenBranch).Attr("else_branch", elseBranch);
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("m", DataType.Int64).Input("x", DataType.Float, 2);
        m.Graph.Output("acc", DataType.Float, 2).SequenceOutput("seq", DataType.Float).Output("scans", DataType.Float, null, 2).Output("n", DataType.Int64);
        m.Graph.Initializer("zero", ConstantTensor.From<long>(DataType.Int64, [], [0]));
        m.Graph.Initializer("t", ConstantTensor.From<byte>(DataType.Bool, [], [1]));
        m.Graph.Initializer("f", ConstantTensor.From<byte>(DataType.Bool, [], [0]));
        m.Graph.Node("SequenceConstruct", ["t", "f", "t", "t", "t", "t"], ["flags"]);
        m.Graph.Node("SequenceConstruct", ["x"], ["start"]);
        m.Graph.Node("Loop", ["m", "", "x", "start"], ["acc", "seq", "scans"]).Attr("body", body);
        m.Graph.Node("SequenceLength", ["seq"], ["n"]);
        AssertNoAllocation(m, new Dictionary<string, Tensor>
        {
            ["m"] = OpTester.Make("m", DataType.Int64, [], 5L),
            ["x"] = OpTester.Make("x", DataType.Float, [2], 1f, 2f),
        });
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void Scan(int opset)
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("s_in", DataType.Float, 3).Input("x", DataType.Float, 3);
        body.Output("s_out", DataType.Float, 3).Output("y", DataType.Float, 3);
        body.Node("Add", ["s_in", "x"], ["s_out"]);
        body.Node("Mul", ["s_out", "x"], ["y"]);
        var m = new OnnxModelBuilder(opset);
        bool batched = opset < 9;
        m.Graph.Input("s0", DataType.Float, batched ? [2, 3] : [3]).Input("xs", DataType.Float, batched ? [2, 4, 3] : [3, 4]);
        m.Graph.Output("s", DataType.Float, null).Output("ys", DataType.Float, null);
        var node = m.Graph.Node("Scan", batched ? ["", "s0", "xs"] : ["s0", "xs"], ["s", "ys"]).Attr("num_scan_inputs", 1L).Attr("body", body);
        if (!batched) node.Attr("scan_input_axes", [1L]).Attr("scan_output_axes", [-1L]).Attr("scan_input_directions", [1L]);
        AssertNoAllocation(m, new Dictionary<string, Tensor>
        {
            ["s0"] = OpTester.Random("s0", batched ? [2, 3] : [3], 1),
            ["xs"] = OpTester.Random("xs", batched ? [2, 4, 3] : [3, 4], 2),
        });
    }

    [Theory]
    [InlineData("LSTM", 4, DataType.Float)]
    [InlineData("GRU", 3, DataType.Float)]
    [InlineData("RNN", 1, DataType.Float)]
    [InlineData("LSTM", 4, DataType.Float16)]
    [InlineData("GRU", 3, DataType.Double)]
    public void Recurrent_layers(string op, int gates, DataType type)
    {
        string[] names = ["x", "w", "r", "b", "lens", "h0"];
        var m = RecurrentTestData.Model(op, 4, "bidirectional", names, op == "LSTM" ? ["y", "yh", "yc"] : ["y", "yh"], opset: 22, type: type);
        var inputs = RecurrentTestData.Inputs(gates, 2, 5, 3, 2, 4, 1);
        foreach (var key in inputs.Keys.ToList())
        {
            if (key == "lens") continue;
            if (type == DataType.Float16) inputs[key] = RecurrentTestData.ToHalf(inputs[key]);
            if (type == DataType.Double) inputs[key] = RecurrentTestData.ToDouble(inputs[key]);
        }
        AssertNoAllocation(m, inputs);
    }

    [Fact]
    public void Sequence_operators_and_optionals()
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("item", DataType.Float, null).Input("scale", DataType.Float, null);
        body.Output("scaled", DataType.Float, null);
        body.Node("Mul", ["item", "scale"], ["scaled"]);
        var m = new OnnxModelBuilder(18);
        m.Graph.Input("x", DataType.Float, 6, 2).Input("scale", DataType.Float, 1);
        m.Graph.Output("joined", DataType.Float, null).Output("stacked", DataType.Float, null).Output("first", DataType.Float, null).Output("has", DataType.Bool);
        m.Graph.Initializer("sizes", ConstantTensor.From<long>(DataType.Int64, [3], [1, 2, 3]));
        m.Graph.Initializer("one", ConstantTensor.From<long>(DataType.Int64, [], [1]));
        m.Graph.Node("SplitToSequence", ["x", "sizes"], ["pieces"]);
        m.Graph.Node("SequenceMap", ["pieces", "scale"], ["mapped"]).Attr("body", body);
        m.Graph.Node("SequenceErase", ["mapped", "one"], ["erased"]);
        m.Graph.Node("ConcatFromSequence", ["erased"], ["joined"]).Attr("axis", 0L);
        m.Graph.Node("SplitToSequence", ["x"], ["rows"]).Attr("keepdims", 0L);
        m.Graph.Node("ConcatFromSequence", ["rows"], ["stacked"]).Attr("axis", 1L).Attr("new_axis", 1L);
        m.Graph.Node("Optional", ["rows"], ["maybe_rows"]);
        m.Graph.Node("OptionalHasElement", ["maybe_rows"], ["has"]);
        m.Graph.Node("OptionalGetElement", ["maybe_rows"], ["rows_again"]);
        m.Graph.Node("SequenceAt", ["rows_again", "one"], ["first"]);
        AssertNoAllocation(m, new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Random("x", [6, 2], 1),
            ["scale"] = OpTester.Make("scale", DataType.Float, [1], 2f),
        });
    }

    [Fact]
    public void Random_operators()
    {
        var m = new OnnxModelBuilder(22);
        m.Graph.Input("p", DataType.Float, 2, 8);
        m.Graph.Output("n", DataType.Float, null).Output("u", DataType.Double, null).Output("nl", DataType.Float16, null)
            .Output("ul", DataType.Float, null).Output("b", DataType.Bool, null).Output("s", DataType.Int64, null);
        m.Graph.Node("RandomNormal", [], ["n"]).Attr("shape", new long[] { 4, 5 }).Attr("seed", 1f);
        m.Graph.Node("RandomUniform", [], ["u"]).Attr("shape", new long[] { 7 }).Attr("dtype", (long)DataType.Double);
        m.Graph.Node("RandomNormalLike", ["p"], ["nl"]).Attr("dtype", (long)DataType.Float16);
        m.Graph.Node("RandomUniformLike", ["p"], ["ul"]);
        m.Graph.Node("Bernoulli", ["p"], ["b"]).Attr("dtype", (long)DataType.Bool);
        m.Graph.Node("Multinomial", ["p"], ["s"]).Attr("sample_size", 5L).Attr("dtype", (long)DataType.Int64);
        AssertNoAllocation(m, new Dictionary<string, Tensor> { ["p"] = OpTester.Random("p", [2, 8], 1, 0, 1) });
    }
}

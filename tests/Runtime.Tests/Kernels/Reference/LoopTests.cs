using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LoopTests
{
    private static Tensor Int64(string name, long value) => OpTester.Make(name, DataType.Int64, [], value);
    private static Tensor Bool(string name, bool value) => OpTester.Make(name, DataType.Bool, [], value ? (byte)1 : (byte)0);

    [Fact]
    public void Trip_count_carried_value_scan_output_and_outer_scope_read_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("m", DataType.Int64).Input("cond", DataType.Bool).Input("acc", DataType.Float, 2).Input("x", DataType.Float, 2);
        m.Graph.Output("acc_final", DataType.Float, 2).Output("scans", DataType.Float, null, 2);
        m.Graph.Node("Loop", ["m", "cond", "acc"], ["acc_final", "scans"]).Attr("body", SumBodyWithoutCast());
        var inputs = new Dictionary<string, Tensor>
        {
            ["m"] = Int64("m", 4),
            ["cond"] = Bool("cond", true),
            ["acc"] = OpTester.Make("acc", DataType.Float, [2], 1f, -1f),
            ["x"] = OpTester.Make("x", DataType.Float, [2], 0.5f, 2f),
        };
        OpTester.AssertMatchesOrt(m, inputs);
        var y = OpTester.RunEdgeML(m.ToBytes(), inputs);
        Assert.Equal([4L, 2L], y[1].Shape.ToArray());
    }

    /// <summary>The sum body without Cast (not an operator of this group): acc + x each iteration.</summary>
    private static OnnxGraphBuilder SumBodyWithoutCast()
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("i", DataType.Int64).Input("cond_in", DataType.Bool).Input("acc_in", DataType.Float, 2);
        body.Output("cond_out", DataType.Bool).Output("acc_out", DataType.Float, 2).Output("scan", DataType.Float, 2);
        body.Node("Identity", ["cond_in"], ["cond_out"]);
        body.Node("Add", ["acc_in", "x"], ["acc_out"]);
        body.Node("Mul", ["acc_in", "x"], ["scan"]);
        return body;
    }

    /// <summary>A body whose condition output is flags[i], flags being an outer-scope sequence of bools.</summary>
    private static OnnxGraphBuilder FlagBody()
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("i", DataType.Int64).Input("cond_in", DataType.Bool).Input("acc_in", DataType.Float, 2);
        body.Output("cond_out", DataType.Bool).Output("acc_out", DataType.Float, 2).Output("scan", DataType.Float, 2);
        body.Node("SequenceAt", ["flags", "i"], ["cond_out"]);
        body.Node("Add", ["acc_in", "x"], ["acc_out"]);
        body.Node("Identity", ["acc_out"], ["scan"]);
        return body;
    }

    [Theory]
    [InlineData(true, true, 10L)]   // trip count and condition: stops when flags[i] is false
    [InlineData(false, true, 0L)]   // condition only (a while loop)
    [InlineData(false, false, 0L)]  // neither: the body's condition output ends it
    [InlineData(true, false, 2L)]   // trip count only, reached before the condition turns false
    [InlineData(true, false, 10L)]  // trip count only: the body's condition output still ends the loop (as in ONNX Runtime)
    public void Condition_and_trip_count_modes_match_onnx_runtime(bool withTripCount, bool withCond, long tripCount)
    {
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("x", DataType.Float, 2).Input("acc", DataType.Float, 2);
        if (withTripCount) m.Graph.Input("m", DataType.Int64);
        if (withCond) m.Graph.Input("cond", DataType.Bool);
        m.Graph.Output("acc_final", DataType.Float, 2).Output("scans", DataType.Float, null, 2);
        m.Graph.Initializer("t", ConstantTensor.From<byte>(DataType.Bool, [], [1]));
        m.Graph.Initializer("f", ConstantTensor.From<byte>(DataType.Bool, [], [0]));
        m.Graph.Node("SequenceConstruct", ["t", "t", "t", "f", "t"], ["flags"]);
        m.Graph.Node("Loop", [withTripCount ? "m" : "", withCond ? "cond" : "", "acc"], ["acc_final", "scans"]).Attr("body", FlagBody());
        var inputs = new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make("x", DataType.Float, [2], 0.5f, 2f),
            ["acc"] = OpTester.Make("acc", DataType.Float, [2], 1f, -1f),
        };
        if (withTripCount) inputs["m"] = Int64("m", tripCount);
        if (withCond) inputs["cond"] = Bool("cond", true);
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void False_initial_condition_runs_no_iteration_and_scan_outputs_are_empty()
    {
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("m", DataType.Int64).Input("cond", DataType.Bool).Input("acc", DataType.Float, 2).Input("x", DataType.Float, 2);
        m.Graph.Output("acc_final", DataType.Float, 2).Output("scans", DataType.Float, null, 2);
        m.Graph.Node("Loop", ["m", "cond", "acc"], ["acc_final", "scans"]).Attr("body", SumBodyWithoutCast());
        var inputs = new Dictionary<string, Tensor>
        {
            ["m"] = Int64("m", 5),
            ["cond"] = Bool("cond", false),
            ["acc"] = OpTester.Make("acc", DataType.Float, [2], 1f, -1f),
            ["x"] = OpTester.Make("x", DataType.Float, [2], 0.5f, 2f),
        };
        var y = OpTester.RunEdgeML(m.ToBytes(), inputs);
        Assert.Equal([1f, -1f], y[0].ReadOnlySpan<float>().ToArray());
        Assert.Equal([0L, 2L], y[1].Shape.ToArray());
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void Sequence_carried_value_matches_onnx_runtime()
    {
        // Each iteration appends acc to a sequence carried by the loop.
        var body = new OnnxGraphBuilder("body");
        body.Input("i", DataType.Int64).Input("cond_in", DataType.Bool).SequenceInput("seq_in", DataType.Float);
        body.Output("cond_out", DataType.Bool).SequenceOutput("seq_out", DataType.Float);
        body.Node("Identity", ["cond_in"], ["cond_out"]);
        body.Node("SequenceAt", ["seq_in", "minus_one"], ["last"]);
        body.Node("Add", ["last", "x"], ["next"]);
        body.Node("SequenceInsert", ["seq_in", "next"], ["seq_out"]);
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("m", DataType.Int64).Input("x", DataType.Float, 3);
        m.Graph.SequenceOutput("seq", DataType.Float);
        m.Graph.Initializer("minus_one", ConstantTensor.From<long>(DataType.Int64, [], [-1]));
        m.Graph.Node("SequenceConstruct", ["x"], ["start"]);
        m.Graph.Node("Loop", ["m", "", "start"], ["seq"]).Attr("body", body);
        var inputs = new Dictionary<string, Tensor>
        {
            ["m"] = Int64("m", 3),
            ["x"] = OpTester.Make("x", DataType.Float, [3], 1f, 2f, 3f),
        };
        OpTester.AssertMatchesOrt(m, inputs);
        Assert.Equal(4, OpTester.RunEdgeML(m.ToBytes(), inputs)[0].Items.Count);
    }

    [Fact]
    public void Nested_loop_and_if_in_the_body_match_onnx_runtime()
    {
        // Outer loop over i; its body runs an inner loop (2 iterations adding x) and an If that
        // picks the inner result or its product with x depending on flags[i].
        var inner = new OnnxGraphBuilder("inner");
        inner.Input("j", DataType.Int64).Input("c", DataType.Bool).Input("v_in", DataType.Float, 2);
        inner.Output("c_out", DataType.Bool).Output("v_out", DataType.Float, 2);
        inner.Node("Identity", ["c"], ["c_out"]);
        inner.Node("Add", ["v_in", "x"], ["v_out"]);
        var thenBranch = new OnnxGraphBuilder("then");
        thenBranch.Output("picked", DataType.Float, 2);
        thenBranch.Node("Identity", ["inner_v"], ["picked"]);
        var elseBranch = new OnnxGraphBuilder("else");
        elseBranch.Output("product", DataType.Float, 2);
        elseBranch.Node("Mul", ["inner_v", "x"], ["product"]);
        var outer = new OnnxGraphBuilder("outer");
        outer.Input("i", DataType.Int64).Input("cond_in", DataType.Bool).Input("acc_in", DataType.Float, 2);
        outer.Output("cond_out", DataType.Bool).Output("acc_out", DataType.Float, 2);
        outer.Node("Identity", ["cond_in"], ["cond_out"]);
        outer.Node("Loop", ["two", "", "acc_in"], ["inner_v"]).Attr("body", inner);
        outer.Node("SequenceAt", ["flags", "i"], ["flag"]);
        outer.Node("If", ["flag"], ["acc_out"]).Attr("then_branch", thenBranch).Attr("else_branch", elseBranch);
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("x", DataType.Float, 2).Input("acc", DataType.Float, 2);
        m.Graph.Output("result", DataType.Float, 2);
        m.Graph.Initializer("two", ConstantTensor.From<long>(DataType.Int64, [], [2]));
        m.Graph.Initializer("four", ConstantTensor.From<long>(DataType.Int64, [], [4]));
        m.Graph.Initializer("t", ConstantTensor.From<byte>(DataType.Bool, [], [1]));
        m.Graph.Initializer("f", ConstantTensor.From<byte>(DataType.Bool, [], [0]));
        m.Graph.Node("SequenceConstruct", ["t", "f", "t", "f"], ["flags"]);
        m.Graph.Node("Loop", ["four", "", "acc"], ["result"]).Attr("body", outer);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Make("x", DataType.Float, [2], 0.5f, -1.5f),
            ["acc"] = OpTester.Make("acc", DataType.Float, [2], 1f, 2f),
        });
    }

    [Fact]
    public void Body_that_swaps_two_carried_values_keeps_them_apart()
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("i", DataType.Int64).Input("cond_in", DataType.Bool).Input("a_in", DataType.Float, 1).Input("b_in", DataType.Float, 1);
        body.Output("cond_in", DataType.Bool).Output("b_in", DataType.Float, 1).Output("a_in", DataType.Float, 1);
        var m = new OnnxModelBuilder(13);
        m.Graph.Input("m", DataType.Int64).Input("a", DataType.Float, 1).Input("b", DataType.Float, 1);
        m.Graph.Output("a_final", DataType.Float, 1).Output("b_final", DataType.Float, 1);
        m.Graph.Node("Loop", ["m", "", "a", "b"], ["a_final", "b_final"]).Attr("body", body);
        var inputs = new Dictionary<string, Tensor>
        {
            ["m"] = Int64("m", 3),
            ["a"] = OpTester.Make("a", DataType.Float, [1], 1f),
            ["b"] = OpTester.Make("b", DataType.Float, [1], 2f),
        };
        var y = OpTester.RunEdgeML(m.ToBytes(), inputs);
        Assert.Equal(2f, y[0].ReadOnlySpan<float>()[0]);
        Assert.Equal(1f, y[1].ReadOnlySpan<float>()[0]);
        OpTester.AssertMatchesOrt(m, inputs);
    }
}

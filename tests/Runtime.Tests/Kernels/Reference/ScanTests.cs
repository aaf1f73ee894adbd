using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ScanTests
{
    /// <summary>Body: (sum, product, x, y) -> (sum + x, product * y, sum + x, x * y): two states,
    /// two scan inputs, two scan outputs; x and y are rank-1 slices of length <paramref name="n"/>.</summary>
    private static OnnxGraphBuilder Body(int n)
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("sum_in", DataType.Float, n).Input("prod_in", DataType.Float, n).Input("x", DataType.Float, n).Input("y", DataType.Float, n);
        body.Output("sum_out", DataType.Float, n).Output("prod_out", DataType.Float, n).Output("scan_sum", DataType.Float, n).Output("scan_xy", DataType.Float, n);
        body.Node("Add", ["sum_in", "x"], ["sum_out"]);
        body.Node("Mul", ["prod_in", "y"], ["prod_out"]);
        body.Node("Identity", ["sum_out"], ["scan_sum"]);
        body.Node("Mul", ["x", "y"], ["scan_xy"]);
        return body;
    }

    private static Dictionary<string, Tensor> Inputs(long[] xShape, long[] yShape, int n) => new()
    {
        ["s0"] = OpTester.Random("s0", [n], 1),
        ["p0"] = OpTester.Random("p0", [n], 2, 0.5f, 1.5f),
        ["x"] = OpTester.Random("x", xShape, 3),
        ["y"] = OpTester.Random("y", yShape, 4, 0.5f, 1.5f),
    };

    [Fact]
    public void Default_axes_and_directions_match_onnx_runtime()
    {
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("s0", DataType.Float, 3).Input("p0", DataType.Float, 3).Input("x", DataType.Float, 5, 3).Input("y", DataType.Float, 5, 3);
        m.Graph.Output("s", DataType.Float, 3).Output("p", DataType.Float, 3).Output("sums", DataType.Float, null).Output("xy", DataType.Float, null);
        m.Graph.Node("Scan", ["s0", "p0", "x", "y"], ["s", "p", "sums", "xy"]).Attr("num_scan_inputs", 2L).Attr("body", Body(3));
        OpTester.AssertMatchesOrt(m, Inputs([5, 3], [5, 3], 3));
    }

    [Fact]
    public void Axes_and_directions_of_inputs_and_outputs_match_onnx_runtime()
    {
        // x is scanned along axis 1 backwards, y along axis -1 forwards; the outputs are stacked
        // along axis 1 (prepending) and axis 0 (appending).
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("s0", DataType.Float, 3).Input("p0", DataType.Float, 3).Input("x", DataType.Float, 3, 4).Input("y", DataType.Float, 3, 4);
        m.Graph.Output("s", DataType.Float, 3).Output("p", DataType.Float, 3).Output("sums", DataType.Float, null).Output("xy", DataType.Float, null);
        m.Graph.Node("Scan", ["s0", "p0", "x", "y"], ["s", "p", "sums", "xy"]).Attr("num_scan_inputs", 2L).Attr("body", Body(3))
            .Attr("scan_input_axes", [1L, -1L]).Attr("scan_input_directions", [1L, 0L])
            .Attr("scan_output_axes", [1L, 0L]).Attr("scan_output_directions", [1L, 0L]);
        OpTester.AssertMatchesOrt(m, Inputs([3, 4], [3, 4], 3));
    }

    private static OnnxModelBuilder PartialModel(bool omitOutputs, long length)
    {
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("s0", DataType.Float, 3).Input("p0", DataType.Float, 3).Input("x", DataType.Float, length, 3).Input("y", DataType.Float, length, 3);
        m.Graph.Output("s", DataType.Float, 3).Output("xy", DataType.Float, null);
        string[] outputs = omitOutputs ? ["s", "", "", "xy"] : ["s", "p", "sums", "xy"];
        m.Graph.Node("Scan", ["s0", "p0", "x", "y"], outputs).Attr("num_scan_inputs", 2L).Attr("body", Body(3));
        return m;
    }

    [Fact]
    public void Unused_outputs_match_onnx_runtime()
    {
        // ONNX Runtime cannot load a Scan with unnamed outputs: it runs the model with all outputs named.
        var inputs = Inputs([4, 3], [4, 3], 3);
        var expected = OpTester.RunOrt(PartialModel(false, 4).ToBytes(), inputs);
        var actual = OpTester.RunEdgeML(PartialModel(true, 4).ToBytes(), inputs);
        RecurrentTestData.AssertClose(expected[0], actual[0]);
        RecurrentTestData.AssertClose(expected[1], actual[1]);
    }

    [Fact]
    public void A_scan_of_zero_length_returns_the_initial_states_and_empty_scan_outputs()
    {
        // ONNX Runtime rejects zero-length scan inputs; the spec's loop simply runs no iteration.
        var inputs = Inputs([0, 3], [0, 3], 3);
        var actual = OpTester.RunEdgeML(PartialModel(true, 0).ToBytes(), inputs);
        Assert.Equal(inputs["s0"].ReadOnlySpan<float>().ToArray(), actual[0].ReadOnlySpan<float>().ToArray());
        Assert.Equal([0L, 3L], actual[1].Shape.ToArray());
        Assert.Equal(DataType.Float, actual[1].Type);
    }

    [Fact]
    public void Opset_8_with_batch_and_sequence_lengths_matches_onnx_runtime()
    {
        // Opset 8: a leading batch axis on states and scan inputs; entry b runs lens[b] steps, the
        // second scan input backwards; scan outputs are zero past each entry's length.
        var m = new OnnxModelBuilder(8);
        m.Graph.Input("lens", DataType.Int64, 3).Input("s0", DataType.Float, 3, 2).Input("p0", DataType.Float, 3, 2)
            .Input("x", DataType.Float, 3, 4, 2).Input("y", DataType.Float, 3, 4, 2);
        m.Graph.Output("s", DataType.Float, 3, 2).Output("p", DataType.Float, 3, 2).Output("sums", DataType.Float, null).Output("xy", DataType.Float, null);
        m.Graph.Node("Scan", ["lens", "s0", "p0", "x", "y"], ["s", "p", "sums", "xy"]).Attr("num_scan_inputs", 2L).Attr("body", Body(2))
            .Attr("directions", [0L, 1L]);
        var inputs = new Dictionary<string, Tensor>
        {
            ["lens"] = OpTester.Make("lens", DataType.Int64, [3], 4L, 2L, 3L),
            ["s0"] = OpTester.Random("s0", [3, 2], 1),
            ["p0"] = OpTester.Random("p0", [3, 2], 2, 0.5f, 1.5f),
            ["x"] = OpTester.Random("x", [3, 4, 2], 3),
            ["y"] = OpTester.Random("y", [3, 4, 2], 4, 0.5f, 1.5f),
        };
        OpTester.AssertMatchesOrt(m, inputs);
        inputs.Remove("lens");
        var noLengths = new OnnxModelBuilder(8);
        noLengths.Graph.Input("s0", DataType.Float, 3, 2).Input("p0", DataType.Float, 3, 2).Input("x", DataType.Float, 3, 4, 2).Input("y", DataType.Float, 3, 4, 2);
        noLengths.Graph.Output("s", DataType.Float, 3, 2).Output("p", DataType.Float, 3, 2).Output("sums", DataType.Float, null).Output("xy", DataType.Float, null);
        noLengths.Graph.Node("Scan", ["", "s0", "p0", "x", "y"], ["s", "p", "sums", "xy"]).Attr("num_scan_inputs", 2L).Attr("body", Body(2));
        OpTester.AssertMatchesOrt(noLengths, inputs);
    }

    [Fact]
    public void String_scan_inputs_and_outputs_match_onnx_runtime()
    {
        var body = new OnnxGraphBuilder("body");
        body.Input("last_in", DataType.String, 2).Input("word", DataType.String, 2);
        body.Output("last_out", DataType.String, 2).Output("echo", DataType.String, 2);
        body.Node("Identity", ["word"], ["last_out"]);
        body.Node("Identity", ["last_in"], ["echo"]);
        var m = new OnnxModelBuilder(16);
        m.Graph.Input("start", DataType.String, 2).Input("words", DataType.String, 2, 3);
        m.Graph.Output("last", DataType.String, 2).Output("echoes", DataType.String, null);
        m.Graph.Node("Scan", ["start", "words"], ["last", "echoes"]).Attr("num_scan_inputs", 1L).Attr("body", body)
            .Attr("scan_input_axes", [1L]).Attr("scan_output_axes", [1L]);
        var start = new Tensor("start");
        start.Allocate(DataType.String, [2]);
        start.Strings[0] = "s0";
        start.Strings[1] = "s1";
        var words = new Tensor("words");
        words.Allocate(DataType.String, [2, 3]);
        for (int i = 0; i < 6; i++) words.Strings[i] = "w" + i;
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["start"] = start, ["words"] = words });
    }
}

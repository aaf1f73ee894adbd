using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LSTMTests
{
    private const int Seq = 4, Batch = 3, Input = 3, Hidden = 5;

    /// <summary>An LSTM node over graph inputs; omitted optional inputs are empty strings.</summary>
    private static OnnxModelBuilder Model(string direction, string[] inputs, string[] outputs, Action<OnnxNodeBuilder>? attrs = null, int opset = 14, DataType type = DataType.Float)
    {
        var m = new OnnxModelBuilder(opset);
        foreach (var name in inputs)
            if (name.Length > 0) m.Graph.Input(name, name == "lens" ? DataType.Int32 : type, null);
        foreach (var name in outputs)
            if (name.Length > 0) m.Graph.Output(name, type, null);
        var node = m.Graph.Node("LSTM", inputs, outputs).Attr("hidden_size", (long)Hidden).Attr("direction", direction);
        attrs?.Invoke(node);
        return m;
    }

    /// <summary>Runs the model on EdgeML and ONNX Runtime with the inputs it declares.</summary>
    private static void Check(OnnxModelBuilder m, string[] names, Dictionary<string, Tensor> inputs, double rtol = 1e-4, double atol = 1e-5)
        => OpTester.AssertMatchesOrt(m, Pick(inputs, names), rtol, atol);

    internal static Dictionary<string, Tensor> Pick(Dictionary<string, Tensor> inputs, string[] names)
        => names.Where(n => n.Length > 0).ToDictionary(n => n, n => inputs[n]);

    private static Dictionary<string, Tensor> Inputs(int dirs, int seed = 1)
    {
        return new Dictionary<string, Tensor>
        {
            ["x"] = OpTester.Random("x", [Seq, Batch, Input], seed),
            ["w"] = OpTester.Random("w", [dirs, 4 * Hidden, Input], seed + 1, -0.6f, 0.6f),
            ["r"] = OpTester.Random("r", [dirs, 4 * Hidden, Hidden], seed + 2, -0.6f, 0.6f),
            ["b"] = OpTester.Random("b", [dirs, 8 * Hidden], seed + 3, -0.5f, 0.5f),
            ["lens"] = OpTester.Make<int>("lens", DataType.Int32, [Batch], 4, 2, 3),
            ["h0"] = OpTester.Random("h0", [dirs, Batch, Hidden], seed + 4),
            ["c0"] = OpTester.Random("c0", [dirs, Batch, Hidden], seed + 5),
            ["p"] = OpTester.Random("p", [dirs, 3 * Hidden], seed + 6, -0.5f, 0.5f),
        };
    }

    [Theory]
    [InlineData("forward")]
    [InlineData("reverse")]
    [InlineData("bidirectional")]
    public void All_inputs_and_outputs_match_onnx_runtime(string direction)
    {
        int dirs = direction == "bidirectional" ? 2 : 1;
        string[] names = ["x", "w", "r", "b", "lens", "h0", "c0", "p"];
        Check(Model(direction, names, ["y", "yh", "yc"]), names, Inputs(dirs));
    }

    [Fact]
    public void Empty_sequences_have_zero_final_states_as_in_onnx_runtime()
    {
        string[] names = ["x", "w", "r", "b", "lens", "h0", "c0"];
        var inputs = Inputs(2, 3);
        inputs["lens"] = OpTester.Make<int>("lens", DataType.Int32, [Batch], 4, 0, 3);
        Check(Model("bidirectional", names, ["y", "yh", "yc"]), names, inputs);
    }

    [Theory]
    [InlineData("forward")]
    [InlineData("bidirectional")]
    public void Clip_and_input_forget_match_onnx_runtime(string direction)
    {
        int dirs = direction == "bidirectional" ? 2 : 1;
        string[] names = ["x", "w", "r", "b", "", "h0", "c0", "p"];
        var m = Model(direction, names, ["y", "yh", "yc"], n => n.Attr("clip", 0.4f).Attr("input_forget", 1L));
        var inputs = Inputs(dirs, 7);
        inputs["x"] = OpTester.Random("x", [Seq, Batch, Input], 7, -3, 3);
        Check(m, names, inputs);
    }

    [Fact]
    public void Activations_with_alpha_and_beta_match_onnx_runtime()
    {
        string[] names = ["x", "w", "r", "b"];
        var m = Model("bidirectional", names, ["y", "yh", "yc"], n => n
            .Attr("activations", ["HardSigmoid", "LeakyRelu", "ScaledTanh", "Sigmoid", "Softsign", "Affine"])
            .Attr("activation_alpha", [0.3f, 0.05f, 1.5f, 0.7f])
            .Attr("activation_beta", [0.4f, 0.8f, 0.1f]));
        Check(m, names, Inputs(2, 11));
    }

    [Fact]
    public void More_activations_match_onnx_runtime()
    {
        string[] names = ["x", "w", "r", "b"];
        var m = Model("forward", names, ["y", "yh", "yc"], n => n
            .Attr("activations", ["Elu", "Softplus", "ThresholdedRelu"]).Attr("activation_alpha", [0.9f, 0.1f]));
        Check(m, names, Inputs(1, 13));
    }

    [Fact]
    public void Only_the_last_cell_state_and_no_bias_match_onnx_runtime()
    {
        string[] names = ["x", "w", "r"];
        Check(Model("forward", names, ["", "", "yc"]), names, Inputs(1, 17));
    }

    [Fact]
    public void Double_is_computed_like_float32()
    {
        // ONNX Runtime's LSTM has no float64 kernel: its float32 result is the oracle.
        string[] names = ["x", "w", "r", "b", "lens", "h0", "c0", "p"];
        var inputs = Inputs(2, 19);
        var expected = OpTester.RunOrt(Model("bidirectional", names, ["y", "yh", "yc"]).ToBytes(), inputs);
        var doubles = inputs.ToDictionary(kv => kv.Key, kv => kv.Key == "lens" ? kv.Value : RecurrentTestData.ToDouble(kv.Value));
        var actual = OpTester.RunEdgeML(Model("bidirectional", names, ["y", "yh", "yc"], type: DataType.Double).ToBytes(), doubles);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(DataType.Double, actual[k].Type);
            RecurrentTestData.AssertClose(RecurrentTestData.ToDouble(expected[k]), actual[k]);
        }
    }

    [Fact]
    public void Batchwise_layout_equals_the_transposed_time_major_result()
    {
        // ONNX Runtime does not implement layout = 1; its time-major result on transposed inputs is the oracle.
        var inputs = Pick(Inputs(2, 23), ["x", "w", "r", "b", "lens", "h0", "c0", "p"]);
        var timeMajor = Model("bidirectional", ["x", "w", "r", "b", "lens", "h0", "c0", "p"], ["y", "yh", "yc"]);
        var expected = OpTester.RunOrt(timeMajor.ToBytes(), inputs);
        var batchMajor = Model("bidirectional", ["x", "w", "r", "b", "lens", "h0", "c0", "p"], ["y", "yh", "yc"], n => n.Attr("layout", 1L));
        var transposed = new Dictionary<string, Tensor>(inputs)
        {
            ["x"] = RecurrentTestData.SwapAxes(inputs["x"], 0, 1),
            ["h0"] = RecurrentTestData.SwapAxes(inputs["h0"], 0, 1),
            ["c0"] = RecurrentTestData.SwapAxes(inputs["c0"], 0, 1),
        };
        var actual = OpTester.RunEdgeML(batchMajor.ToBytes(), transposed);
        // Y: [seq, dirs, batch, hidden] -> [batch, seq, dirs, hidden]; states: [dirs, batch, hidden] -> [batch, dirs, hidden].
        RecurrentTestData.AssertClose(RecurrentTestData.Permute(expected[0], [2, 0, 1, 3]), actual[0]);
        RecurrentTestData.AssertClose(RecurrentTestData.SwapAxes(expected[1], 0, 1), actual[1]);
        RecurrentTestData.AssertClose(RecurrentTestData.SwapAxes(expected[2], 0, 1), actual[2]);
    }

    [Fact]
    public void Float16_is_computed_like_float32()
    {
        var inputs = Inputs(1, 29);
        var expected = OpTester.RunOrt(Model("forward", ["x", "w", "r", "b", "lens", "h0", "c0", "p"], ["y", "yh", "yc"]).ToBytes(), inputs);
        var half = new Dictionary<string, Tensor>();
        foreach (var (k, v) in inputs) half[k] = k == "lens" ? v : RecurrentTestData.ToHalf(v);
        var m = Model("forward", ["x", "w", "r", "b", "lens", "h0", "c0", "p"], ["y", "yh", "yc"], opset: 22, type: DataType.Float16);
        var actual = OpTester.RunEdgeML(m.ToBytes(), half);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(DataType.Float16, actual[k].Type);
            RecurrentTestData.AssertClose(expected[k], RecurrentTestData.ToFloat(actual[k]), 2e-2, 5e-3);
        }
    }

    [Fact]
    public void Mismatched_weights_are_a_clear_error()
    {
        var m = Model("forward", ["x", "w", "r"], ["y"]);
        var inputs = Inputs(1);
        inputs["w"] = OpTester.Random("w", [1, 4 * Hidden, Input + 1], 1);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(m.ToBytes(), Pick(inputs, ["x", "w", "r"])));
        Assert.Contains("W must have shape [1,20,3]", e.Message);
    }
}

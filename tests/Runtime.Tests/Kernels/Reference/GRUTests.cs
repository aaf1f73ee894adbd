using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GRUTests
{
    private const int Seq = 4, Batch = 3, Input = 3, Hidden = 5;
    private static readonly string[] All = ["x", "w", "r", "b", "lens", "h0"];

    private static Dictionary<string, Tensor> Inputs(int dirs, int seed) => RecurrentTestData.Inputs(3, dirs, Seq, Batch, Input, Hidden, seed);

    [Theory]
    [InlineData("forward", 0)]
    [InlineData("reverse", 0)]
    [InlineData("bidirectional", 0)]
    [InlineData("forward", 1)]
    [InlineData("reverse", 1)]
    [InlineData("bidirectional", 1)]
    public void All_inputs_and_outputs_match_onnx_runtime(string direction, long linearBeforeReset)
    {
        int dirs = direction == "bidirectional" ? 2 : 1;
        var m = RecurrentTestData.Model("GRU", Hidden, direction, All, ["y", "yh"], n => n.Attr("linear_before_reset", linearBeforeReset));
        OpTester.AssertMatchesOrt(m, Inputs(dirs, 1 + (int)linearBeforeReset));
    }

    [Fact]
    public void Clip_activations_and_empty_sequences_match_onnx_runtime()
    {
        var m = RecurrentTestData.Model("GRU", Hidden, "bidirectional", All, ["y", "yh"], n => n
            .Attr("clip", 0.5f).Attr("activations", ["HardSigmoid", "Softsign", "Sigmoid", "ScaledTanh"])
            .Attr("activation_alpha", [0.3f, 1.2f]).Attr("activation_beta", [0.4f, 0.9f]));
        var inputs = Inputs(2, 5);
        inputs["x"] = OpTester.Random("x", [Seq, Batch, Input], 5, -3, 3);
        inputs["lens"] = OpTester.Make("lens", DataType.Int32, [Batch], 0, 4, 1);
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void Without_bias_or_initial_state_and_only_y_h_matches_onnx_runtime()
    {
        string[] names = ["x", "w", "r"];
        var m = RecurrentTestData.Model("GRU", Hidden, "forward", names, ["", "yh"]);
        OpTester.AssertMatchesOrt(m, RecurrentTestData.Pick(Inputs(1, 7), names));
    }

    [Fact]
    public void Double_is_computed_like_float32()
    {
        // ONNX Runtime's GRU has no float64 kernel: its float32 result is the oracle.
        var inputs = Inputs(2, 9);
        var expected = OpTester.RunOrt(RecurrentTestData.Model("GRU", Hidden, "bidirectional", All, ["y", "yh"]).ToBytes(), inputs);
        var doubles = inputs.ToDictionary(kv => kv.Key, kv => kv.Key == "lens" ? kv.Value : RecurrentTestData.ToDouble(kv.Value));
        var actual = OpTester.RunEdgeML(RecurrentTestData.Model("GRU", Hidden, "bidirectional", All, ["y", "yh"], type: DataType.Double).ToBytes(), doubles);
        for (int k = 0; k < 2; k++) RecurrentTestData.AssertClose(RecurrentTestData.ToDouble(expected[k]), actual[k]);
    }

    [Fact]
    public void Batchwise_layout_equals_the_transposed_time_major_result()
    {
        var inputs = Inputs(2, 11);
        var expected = OpTester.RunOrt(RecurrentTestData.Model("GRU", Hidden, "bidirectional", All, ["y", "yh"]).ToBytes(), inputs);
        var transposed = new Dictionary<string, Tensor>(inputs)
        {
            ["x"] = RecurrentTestData.SwapAxes(inputs["x"], 0, 1),
            ["h0"] = RecurrentTestData.SwapAxes(inputs["h0"], 0, 1),
        };
        var m = RecurrentTestData.Model("GRU", Hidden, "bidirectional", All, ["y", "yh"], n => n.Attr("layout", 1L));
        var actual = OpTester.RunEdgeML(m.ToBytes(), transposed);
        RecurrentTestData.AssertClose(RecurrentTestData.Permute(expected[0], [2, 0, 1, 3]), actual[0]);
        RecurrentTestData.AssertClose(RecurrentTestData.SwapAxes(expected[1], 0, 1), actual[1]);
    }

    [Fact]
    public void Bfloat16_is_computed_like_float32()
    {
        var inputs = Inputs(1, 13);
        var expected = OpTester.RunOrt(RecurrentTestData.Model("GRU", Hidden, "forward", All, ["y", "yh"]).ToBytes(), inputs);
        var narrow = inputs.ToDictionary(kv => kv.Key, kv => kv.Key == "lens" ? kv.Value : RecurrentTestData.ToBFloat16(kv.Value));
        var actual = OpTester.RunEdgeML(RecurrentTestData.Model("GRU", Hidden, "forward", All, ["y", "yh"], opset: 22, type: DataType.BFloat16).ToBytes(), narrow);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(DataType.BFloat16, actual[k].Type);
            RecurrentTestData.AssertClose(expected[k], RecurrentTestData.ToFloat(actual[k]), 5e-2, 2e-2);
        }
    }
}

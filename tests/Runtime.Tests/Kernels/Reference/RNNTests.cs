using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RNNTests
{
    private const int Seq = 5, Batch = 3, Input = 4, Hidden = 3;
    private static readonly string[] All = ["x", "w", "r", "b", "lens", "h0"];

    private static Dictionary<string, Tensor> Inputs(int dirs, int seed) => RecurrentTestData.Inputs(1, dirs, Seq, Batch, Input, Hidden, seed);

    [Theory]
    [InlineData("forward")]
    [InlineData("reverse")]
    [InlineData("bidirectional")]
    public void All_inputs_and_outputs_match_onnx_runtime(string direction)
    {
        int dirs = direction == "bidirectional" ? 2 : 1;
        OpTester.AssertMatchesOrt(RecurrentTestData.Model("RNN", Hidden, direction, All, ["y", "yh"]), Inputs(dirs, 1));
    }

    [Fact]
    public void Clip_activations_and_empty_sequences_match_onnx_runtime()
    {
        var m = RecurrentTestData.Model("RNN", Hidden, "bidirectional", All, ["y", "yh"], n => n
            .Attr("clip", 0.7f).Attr("activations", ["LeakyRelu", "Elu"]).Attr("activation_alpha", [0.2f, 0.6f]));
        var inputs = Inputs(2, 3);
        inputs["lens"] = OpTester.Make("lens", DataType.Int32, [Batch], 2, 0, 5);
        OpTester.AssertMatchesOrt(m, inputs);
    }

    [Fact]
    public void Relu_without_optional_inputs_matches_onnx_runtime()
    {
        string[] names = ["x", "w", "r"];
        var m = RecurrentTestData.Model("RNN", Hidden, "reverse", names, ["y", "yh"], n => n.Attr("activations", ["Relu"]));
        OpTester.AssertMatchesOrt(m, RecurrentTestData.Pick(Inputs(1, 5), names));
    }

    [Fact]
    public void Default_two_function_list_is_accepted_for_one_direction()
    {
        var m = RecurrentTestData.Model("RNN", Hidden, "forward", All, ["y", "yh"], n => n.Attr("activations", ["Tanh", "Tanh"]));
        OpTester.AssertMatchesOrt(m, Inputs(1, 7));
    }

    [Fact]
    public void Batchwise_layout_equals_the_transposed_time_major_result()
    {
        var inputs = Inputs(2, 9);
        var expected = OpTester.RunOrt(RecurrentTestData.Model("RNN", Hidden, "bidirectional", All, ["y", "yh"]).ToBytes(), inputs);
        var transposed = new Dictionary<string, Tensor>(inputs)
        {
            ["x"] = RecurrentTestData.SwapAxes(inputs["x"], 0, 1),
            ["h0"] = RecurrentTestData.SwapAxes(inputs["h0"], 0, 1),
        };
        var actual = OpTester.RunEdgeML(RecurrentTestData.Model("RNN", Hidden, "bidirectional", All, ["y", "yh"], n => n.Attr("layout", 1L)).ToBytes(), transposed);
        RecurrentTestData.AssertClose(RecurrentTestData.Permute(expected[0], [2, 0, 1, 3]), actual[0]);
        RecurrentTestData.AssertClose(RecurrentTestData.SwapAxes(expected[1], 0, 1), actual[1]);
    }

    [Fact]
    public void Double_is_computed_like_float32()
    {
        // ONNX Runtime's RNN has no float64 kernel: its float32 result is the oracle.
        var inputs = Inputs(2, 11);
        var expected = OpTester.RunOrt(RecurrentTestData.Model("RNN", Hidden, "bidirectional", All, ["y", "yh"]).ToBytes(), inputs);
        var doubles = inputs.ToDictionary(kv => kv.Key, kv => kv.Key == "lens" ? kv.Value : RecurrentTestData.ToDouble(kv.Value));
        var actual = OpTester.RunEdgeML(RecurrentTestData.Model("RNN", Hidden, "bidirectional", All, ["y", "yh"], type: DataType.Double).ToBytes(), doubles);
        for (int k = 0; k < 2; k++) RecurrentTestData.AssertClose(RecurrentTestData.ToDouble(expected[k]), actual[k]);
    }
}

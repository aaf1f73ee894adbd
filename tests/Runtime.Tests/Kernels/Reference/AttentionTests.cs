using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class AttentionTests
{
    private static Output[] Outputs(bool present, bool qk) =>
        [new("y", DataType.Float), .. present ? new Output[] { new("pk", DataType.Float), new("pv", DataType.Float) } : [], .. qk ? new Output[] { new("qk", DataType.Float) } : []];

    [Theory]
    [InlineData(0, false, 0f)]
    [InlineData(1, true, 2f)]
    // Mode 2 with is_causal is left to the conformance cases: there ONNX Runtime writes the lowest
    // float where the reference (and EdgeML) write −∞.
    [InlineData(2, false, 0f)]
    [InlineData(3, false, 1.5f)]
    public void Four_d_with_cache_mask_and_qk_output_matches_onnx_runtime(long mode, bool causal, float softcap)
    {
        Tensor?[] inputs =
        [
            Random("q", [2, 4, 3, 8], 1), Random("k", [2, 2, 5, 8], 2), Random("v", [2, 2, 5, 6], 3),
            Random("mask", [2, 1, 3, 9], 4, -1, 0), Random("past_k", [2, 2, 4, 8], 5), Random("past_v", [2, 2, 4, 6], 6),
        ];
        MatchesOrt(23, "Attention", inputs, [new("y", DataType.Float), new("pk", DataType.Float), new("pv", DataType.Float), new("qk", DataType.Float)], n =>
        {
            n.Attr("qk_matmul_output_mode", mode).Attr("is_causal", causal ? 1L : 0L);
            if (softcap > 0) n.Attr("softcap", softcap);
        });
    }

    [Fact]
    public void Three_d_grouped_heads_with_bool_mask_and_scale_match_onnx_runtime()
    {
        var mask = Random("mask", [4, 6], 7, 0, 1.6, DataType.Bool);
        MatchesOrt(23, "Attention", [Random("q", [2, 4, 24], 8), Random("k", [2, 6, 8], 9), Random("v", [2, 6, 10], 10), mask], Outputs(false, false),
            n => n.Attr("q_num_heads", 6L).Attr("kv_num_heads", 2L).Attr("scale", 0.3f));
    }

    [Fact]
    public void Causal_cross_attention_without_mask_matches_onnx_runtime()
        => MatchesOrt(23, "Attention", [Random("q", [1, 2, 5, 4], 11), Random("k", [1, 2, 3, 4], 12), Random("v", [1, 2, 3, 4], 13)], Outputs(false, false),
            n => n.Attr("is_causal", 1L));

    [Theory]
    [InlineData(DataType.Double, 1e-5)]
    [InlineData(DataType.Float16, 3e-3)]
    [InlineData(DataType.BFloat16, 2e-2)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 23, "Attention", [Random("q", [1, 2, 3, 8], 14), Random("k", [1, 2, 4, 8], 15), Random("v", [1, 2, 4, 8], 16), Random("mask", [3, 4], 17)],
            Outputs(false, false), null, rtol, 2e-3);
}

using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RotaryEmbeddingTests
{
    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 4)]
    [InlineData(true, 6)]
    public void Four_d_with_position_ids_matches_onnx_runtime(bool interleaved, long rotaryDim)
    {
        long half = (rotaryDim == 0 ? 8 : rotaryDim) / 2;
        var positions = Values("pos", DataType.Int64, [2, 3], 0, 1, 2, 5, 3, 9);
        MatchesOrt(23, "RotaryEmbedding", [Random("x", [2, 2, 3, 8], 1), Random("cos", [10, half], 2), Random("sin", [10, half], 3), positions], [new("y", DataType.Float)],
            n => n.Attr("interleaved", interleaved ? 1L : 0L).Attr("rotary_embedding_dim", rotaryDim));
    }

    [Fact]
    public void Three_d_without_position_ids_matches_onnx_runtime()
        => MatchesOrt(23, "RotaryEmbedding", [Random("x", [2, 3, 12], 4), Random("cos", [2, 3, 2], 5), Random("sin", [2, 3, 2], 6)], [new("y", DataType.Float)],
            n => n.Attr("num_heads", 3L));

    [Theory]
    [InlineData(DataType.Float16, 2e-3)]
    [InlineData(DataType.BFloat16, 1e-2)]
    public void Half_precision_matches_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 23, "RotaryEmbedding", [Random("x", [1, 2, 3, 8], 7), Random("cos", [1, 3, 4], 8), Random("sin", [1, 3, 4], 9)], [new("y", DataType.Float)], null, rtol, 2e-3);
}

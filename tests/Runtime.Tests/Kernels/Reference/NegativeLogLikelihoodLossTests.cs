using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class NegativeLogLikelihoodLossTests
{
    [Theory]
    [InlineData("none", false, false)]
    [InlineData("sum", true, false)]
    [InlineData("mean", true, true)]
    [InlineData("mean", false, true)]
    public void Reductions_weights_and_ignore_index_match_onnx_runtime(string reduction, bool weighted, bool ignore)
    {
        var input = Random("input", [3, 4, 2, 2], 1, -3, 0);
        var target = Values("target", DataType.Int64, [3, 2, 2], 0, 1, 2, 3, 3, 2, 1, 0, 1, 1, 2, 2);
        var weight = weighted ? Random("weight", [4], 2, 0.2, 1.5) : null;
        MatchesOrt(13, "NegativeLogLikelihoodLoss", [input, target, weight], [new("loss", DataType.Float)], n =>
        {
            n.Attr("reduction", reduction);
            if (ignore) n.Attr("ignore_index", 2L);
        });
    }

    [Fact]
    public void Int32_targets_and_double_input_match_onnx_runtime()
    {
        var target = Values("target", DataType.Int32, [4], 0, 2, 1, 2);
        MatchesOrt(13, "NegativeLogLikelihoodLoss", [Random("input", [4, 3], 3, -3, 0, DataType.Double), target], [new("loss", DataType.Double)], n => n.Attr("reduction", "sum"));
    }
}

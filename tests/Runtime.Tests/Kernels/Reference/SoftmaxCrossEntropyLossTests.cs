using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SoftmaxCrossEntropyLossTests
{
    [Theory]
    [InlineData("none", false, false)]
    [InlineData("sum", true, true)]
    [InlineData("mean", true, false)]
    [InlineData("mean", false, true)]
    public void Loss_and_log_probabilities_match_onnx_runtime(string reduction, bool weighted, bool ignore)
    {
        var scores = Random("scores", [3, 5, 2], 1, -4, 4);
        var labels = Values("labels", DataType.Int64, [3, 2], 0, 4, 2, 3, 3, 1);
        var weights = weighted ? Random("weights", [5], 2, 0.2, 1.5) : null;
        MatchesOrt(13, "SoftmaxCrossEntropyLoss", [scores, labels, weights], [new("loss", DataType.Float), new("logp", DataType.Float)], n =>
        {
            n.Attr("reduction", reduction);
            if (ignore) n.Attr("ignore_index", 3L);
        });
    }

    [Fact]
    public void Opset_12_and_double_match_onnx_runtime()
    {
        var labels = Values("labels", DataType.Int32, [4], 0, 2, 1, 2);
        MatchesOrt(12, "SoftmaxCrossEntropyLoss", [Random("scores", [4, 3], 3, -3, 3), labels], [new("loss", DataType.Float)]);
        MatchesOrt(13, "SoftmaxCrossEntropyLoss", [Random("scores", [4, 3], 4, -3, 3, DataType.Double), labels], [new("loss", DataType.Double)], rtol: 1e-5);
    }
}

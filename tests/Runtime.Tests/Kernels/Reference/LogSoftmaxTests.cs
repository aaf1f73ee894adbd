using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class LogSoftmaxTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 0)]
    [InlineData(11, 2)]
    [InlineData(11, -1)]
    [InlineData(13, 0)]
    [InlineData(13, 1)]
    [InlineData(13, -2)]
    public void Opset_axis_semantics_match_onnx_runtime(int opset, long axis)
        => MatchesOrt(opset, "LogSoftmax", [Random("x", [2, 3, 4, 5], opset + (int)axis, -5, 5)], [new("y", DataType.Float)], n => n.Attr("axis", axis));

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    public void Default_axis_matches_onnx_runtime(int opset)
        => MatchesOrt(opset, "LogSoftmax", [Random("x", [3, 2, 6], opset, -5, 5)], [new("y", DataType.Float)]);

    [Theory]
    [InlineData(DataType.Double, 1e-5)]
    [InlineData(DataType.Float16, 2e-3)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 13, "LogSoftmax", [Random("x", [2, 3, 7], 20, -5, 5)], [new("y", DataType.Float)], n => n.Attr("axis", 1L), rtol, 2e-3);
}

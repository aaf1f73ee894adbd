using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class InstanceNormalizationTests
{
    [Theory]
    [InlineData(new long[] { 2, 3, 4, 5 })]
    [InlineData(new long[] { 2, 4, 7 })]
    [InlineData(new long[] { 1, 2, 3, 2, 4 })]
    public void Float_matches_onnx_runtime(long[] x)
        => MatchesOrt(6, "InstanceNormalization", [Random("x", x, 1, -3, 3), Random("s", [x[1]], 2), Random("b", [x[1]], 3)], [new("y", DataType.Float)],
            n => n.Attr("epsilon", 1e-3f));

    [Theory]
    [InlineData(DataType.Double, 1e-5)]
    [InlineData(DataType.Float16, 2e-3)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 6, "InstanceNormalization", [Random("x", [2, 3, 4, 5], 4), Random("s", [3], 5), Random("b", [3], 6)], [new("y", DataType.Float)], null, rtol, 2e-3);
}

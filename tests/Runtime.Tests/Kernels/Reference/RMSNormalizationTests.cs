using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class RMSNormalizationTests
{
    [Theory]
    [InlineData(new long[] { 2, 3, 8 }, -1, new long[] { 8 })]
    [InlineData(new long[] { 2, 3, 8 }, 1, new long[] { 1, 8 })]
    [InlineData(new long[] { 2, 3, 4, 5 }, 2, new long[] { 4, 5 })]
    public void Broadcast_scale_matches_onnx_runtime(long[] x, long axis, long[] scale)
        => MatchesOrt(23, "RMSNormalization", [Random("x", x, 1, -3, 3), Random("s", scale, 2)], [new("y", DataType.Float)],
            n => n.Attr("axis", axis).Attr("epsilon", 1e-3f));

    [Theory]
    [InlineData(DataType.Double, 1e-5)]
    [InlineData(DataType.Float16, 2e-3)]
    [InlineData(DataType.BFloat16, 1e-2)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 23, "RMSNormalization", [Random("x", [2, 3, 8], 3), Random("s", [8], 4)], [new("y", DataType.Float)], null, rtol, 2e-3);
}

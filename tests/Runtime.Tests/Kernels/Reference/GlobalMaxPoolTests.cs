using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GlobalMaxPoolTests
{
    [Theory]
    [InlineData(new long[] { 2, 3, 5, 4 })]
    [InlineData(new long[] { 1, 4, 7 })]
    [InlineData(new long[] { 1, 2, 3, 2, 4 })]
    public void Float_matches_onnx_runtime(long[] x)
        => MatchesOrt(1, "GlobalMaxPool", [Random("x", x, 1)], [new("y", DataType.Float)]);

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    public void Other_float_types_match_onnx_runtime_in_float(DataType type)
        => MatchesOrtInFloat(type, 1, "GlobalMaxPool", [Random("x", [2, 3, 6, 5], 2)], [new("y", DataType.Float)], null, 0, 0);
}

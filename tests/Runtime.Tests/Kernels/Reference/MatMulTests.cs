using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class MatMulTests
{
    [Theory]
    [InlineData(new long[] { 3, 4 }, new long[] { 4, 5 })]
    [InlineData(new long[] { 4 }, new long[] { 4 })]
    [InlineData(new long[] { 4 }, new long[] { 2, 4, 3 })]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 4 })]
    [InlineData(new long[] { 2, 1, 3, 4 }, new long[] { 5, 4, 6 })]
    [InlineData(new long[] { 1, 3, 4 }, new long[] { 2, 1, 4, 2 })]
    [InlineData(new long[] { 3, 0 }, new long[] { 0, 2 })]
    [InlineData(new long[] { 2, 3, 7 }, new long[] { 7, 1 })]
    public void Float_broadcasting_matches_onnx_runtime(long[] a, long[] b)
        => MatchesOrt(13, "MatMul", [Random("a", a, 1), Random("b", b, 2)], [new("y", DataType.Float)]);

    [Theory]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt32)]
    [InlineData(DataType.UInt64)]
    [InlineData(DataType.Double)]
    public void Other_types_match_onnx_runtime(DataType type)
    {
        double lo = type is DataType.UInt32 or DataType.UInt64 ? 0 : -20;
        MatchesOrt(13, "MatMul", [Random("a", [2, 3, 5], 3, lo, 20, type), Random("b", [5, 4], 4, lo, 20, type)], [new("y", type)]);
    }

    [Theory]
    [InlineData(DataType.Float16, 2e-3)]
    [InlineData(DataType.BFloat16, 1e-2)]
    public void Half_precision_matches_onnx_runtime_in_float(DataType type, double rtol)
        => MatchesOrtInFloat(type, 13, "MatMul", [Random("a", [2, 3, 8], 5), Random("b", [8, 4], 6)], [new("y", DataType.Float)], null, rtol, 2e-3);
}

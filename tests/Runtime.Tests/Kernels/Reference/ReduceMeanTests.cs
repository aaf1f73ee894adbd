using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ReduceMeanTests
{
    [Theory]
    [InlineData(new long[] { 1 }, 1)]
    [InlineData(new long[] { 0, 2 }, 0)]
    [InlineData(new long[] { -1 }, 1)]
    [InlineData(null, 0)]
    public void Axes_attribute_matches_onnx_runtime(long[]? axes, long keepDims) => ReduceTesting.AxesAttribute("ReduceMean", axes, keepDims, -2, 2);

    [Theory]
    [InlineData(new long[] { 1, -1 }, 0, 0)]
    [InlineData(new long[] { 0, 2 }, 1, 0)]
    [InlineData(new long[] { 3 }, 1, 0)]
    [InlineData(new long[0], 1, 0)]
    [InlineData(new long[0], 0, 1)]
    public void Axes_input_matches_onnx_runtime(long[] axes, long keepDims, long noop) => ReduceTesting.AxesInput("ReduceMean", axes, keepDims, noop, -2, 2);

    [Fact]
    public void Empty_reduction_matches_onnx_runtime() => ReduceTesting.EmptyReduction("ReduceMean");

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]

    public void Other_types_match_onnx_runtime_in_float(DataType type) => ReduceTesting.Type("ReduceMean", type, -2, 2, exact: false);
}

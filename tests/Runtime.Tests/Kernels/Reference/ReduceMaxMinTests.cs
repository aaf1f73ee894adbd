using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>ReduceMax and ReduceMin: the same reduction kernel with the opposite comparison.</summary>
public class ReduceMaxMinTests
{
    [Theory]
    [InlineData("ReduceMax", new long[] { 1 }, 1)]
    [InlineData("ReduceMax", new long[] { 0, 2 }, 0)]
    [InlineData("ReduceMax", new long[] { -1 }, 1)]
    [InlineData("ReduceMax", null, 0)]
    [InlineData("ReduceMin", new long[] { 1 }, 1)]
    [InlineData("ReduceMin", new long[] { 0, 2 }, 0)]
    [InlineData("ReduceMin", new long[] { -1 }, 1)]
    [InlineData("ReduceMin", null, 0)]
    public void Axes_attribute_matches_onnx_runtime(string op, long[]? axes, long keepDims) => ReduceTesting.AxesAttribute(op, axes, keepDims, -2, 2);

    [Theory]
    [InlineData("ReduceMax", new long[] { 1, -1 }, 0, 0)]
    [InlineData("ReduceMax", new long[] { 0, 2 }, 1, 0)]
    [InlineData("ReduceMax", new long[] { 3 }, 1, 0)]
    [InlineData("ReduceMax", new long[0], 1, 0)]
    [InlineData("ReduceMax", new long[0], 0, 1)]
    [InlineData("ReduceMin", new long[] { 1, -1 }, 0, 0)]
    [InlineData("ReduceMin", new long[] { 0, 2 }, 1, 0)]
    [InlineData("ReduceMin", new long[] { 3 }, 1, 0)]
    [InlineData("ReduceMin", new long[0], 1, 0)]
    [InlineData("ReduceMin", new long[0], 0, 1)]
    public void Axes_input_matches_onnx_runtime(string op, long[] axes, long keepDims, long noop) => ReduceTesting.AxesInput(op, axes, keepDims, noop, -2, 2);

    [Theory]
    [InlineData("ReduceMax")]
    [InlineData("ReduceMin")]
    public void Empty_reduction_matches_onnx_runtime(string op) => ReduceTesting.EmptyReduction(op);

    public static TheoryData<string, DataType> OpsAndTypes()
    {
        var data = new TheoryData<string, DataType>();
        foreach (var op in new[] { "ReduceMax", "ReduceMin" })
        {
            foreach (var type in new[] { DataType.Double, DataType.Float16, DataType.Int32, DataType.Int64, DataType.Int8, DataType.UInt8 }) data.Add(op, type);
        }
        return data;
    }

    // The maximum and minimum are one of the inputs, so every type matches exactly.
    [Theory]
    [MemberData(nameof(OpsAndTypes))]
    public void Other_types_match_onnx_runtime_in_float(string op, DataType type) => ReduceTesting.Type(op, type, -2, 2, exact: true);
}

using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ArgMaxTests
{
    [Theory]
    [InlineData(11, 0, 1, 0)]
    [InlineData(11, -1, 0, 0)]
    [InlineData(13, 1, 1, 1)]
    [InlineData(13, 2, 0, 1)]
    public void Axes_keepdims_and_ties_match_onnx_runtime(int opset, long axis, long keepDims, long selectLast)
    {
        // Values from a few integers, so ties are frequent.
        var x = Random("x", [3, 4, 5], 1, 0, 4, DataType.Int32);
        MatchesOrtInFloat(DataType.Int32, opset, "ArgMax", [Convert(ToFloat(x), DataType.Float)], [new("y", DataType.Int64)], n =>
        {
            n.Attr("axis", axis).Attr("keepdims", keepDims);
            if (opset >= 12) n.Attr("select_last_index", selectLast);
        }, 0, 0);
        MatchesOrt(opset, "ArgMax", [ToFloat(x)], [new("y", DataType.Int64)], n =>
        {
            n.Attr("axis", axis).Attr("keepdims", keepDims);
            if (opset >= 12) n.Attr("select_last_index", selectLast);
        });
    }

    [Theory]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.UInt8)]
    public void Other_types_match_onnx_runtime_in_float(DataType type)
        => MatchesOrtInFloat(type, 13, "ArgMax", [Random("x", [4, 6], 2, 0, 50)], [new("y", DataType.Int64)], n => n.Attr("axis", 1L), 0, 0);
}

using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>ArgMax and ArgMin: the same kernel with the opposite comparison.</summary>
public class ArgMaxArgMinTests
{
    [Theory]
    [InlineData("ArgMax", 11, 0, 1, 0)]
    [InlineData("ArgMax", 11, -1, 0, 0)]
    [InlineData("ArgMax", 13, 1, 1, 1)]
    [InlineData("ArgMax", 13, 2, 0, 1)]
    [InlineData("ArgMin", 11, 0, 1, 0)]
    [InlineData("ArgMin", 11, -1, 0, 0)]
    [InlineData("ArgMin", 13, 1, 1, 1)]
    [InlineData("ArgMin", 13, 2, 0, 1)]
    public void Axes_keepdims_and_ties_match_onnx_runtime(string op, int opset, long axis, long keepDims, long selectLast)
    {
        void Attributes(OnnxNodeBuilder n)
        {
            n.Attr("axis", axis).Attr("keepdims", keepDims);
            if (opset >= 12) n.Attr("select_last_index", selectLast);
        }
        // Values from a few integers, so ties are frequent.
        var x = Random("x", [3, 4, 5], 1, 0, 4, DataType.Int32);
        MatchesOrtInFloat(DataType.Int32, opset, op, [Convert(ToFloat(x), DataType.Float)], [new("y", DataType.Int64)], Attributes, 0, 0);
        MatchesOrt(opset, op, [ToFloat(x)], [new("y", DataType.Int64)], Attributes);
    }

    [Theory]
    [InlineData("ArgMax", DataType.Double)]
    [InlineData("ArgMax", DataType.Float16)]
    [InlineData("ArgMax", DataType.Int64)]
    [InlineData("ArgMax", DataType.UInt8)]
    [InlineData("ArgMin", DataType.Double)]
    [InlineData("ArgMin", DataType.Float16)]
    [InlineData("ArgMin", DataType.Int64)]
    [InlineData("ArgMin", DataType.UInt8)]
    public void Other_types_match_onnx_runtime_in_float(string op, DataType type)
        => MatchesOrtInFloat(type, 13, op, [Random("x", [4, 6], 2, 0, 50)], [new("y", DataType.Int64)], n => n.Attr("axis", 1L), 0, 0);
}

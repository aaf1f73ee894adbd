using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>The checks every Reduce* operator gets: axes as attribute (before opset 18, or 13 for
/// ReduceSum) and as input, keepdims, noop_with_empty_axes, non-trailing axes, empty reductions
/// and other element types, against ONNX Runtime.</summary>
internal static class ReduceTesting
{
    public static int InputOpset(string op) => op == "ReduceSum" ? 13 : 18;

    public static void AxesAttribute(string op, long[]? axes, long keepDims, double lo = -2, double hi = 2)
        => MatchesOrt(11, op, [Random("x", [3, 4, 5], 1, lo, hi)], [new("y", DataType.Float)], n =>
        {
            if (axes != null) n.Attr("axes", axes);
            n.Attr("keepdims", keepDims);
        });

    public static void AxesInput(string op, long[] axes, long keepDims, long noop, double lo = -2, double hi = 2)
    {
        var x = Random("x", [2, 3, 4, 2], 2, lo, hi);
        var a = OpTesterAxes(axes);
        MatchesOrt(InputOpset(op), op, [x, a], [new("y", DataType.Float)], n => n.Attr("keepdims", keepDims).Attr("noop_with_empty_axes", noop));
    }

    public static void EmptyReduction(string op)
        => MatchesOrt(InputOpset(op), op, [Random("x", [2, 0, 3], 3), OpTesterAxes([1])], [new("y", DataType.Float)]);

    public static void Type(string op, DataType type, double lo, double hi, bool exact)
    {
        var x = Random("x", [3, 4, 5], 4, lo, hi);
        var a = OpTesterAxes([0, 2]);
        if (exact) MatchesOrtInFloat(type, InputOpset(op), op, [x, a], [new("y", DataType.Float)], n => n.Attr("keepdims", 0L), 0, 0);
        else MatchesOrtInFloat(type, InputOpset(op), op, [x, a], [new("y", DataType.Float)], n => n.Attr("keepdims", 0L), type == DataType.Float16 ? 2e-3 : 1e-5, 1e-5);
    }

    private static Tensor OpTesterAxes(long[] axes) => EdgeML.TestSupport.OpTester.Make("axes", DataType.Int64, [axes.Length], axes);
}

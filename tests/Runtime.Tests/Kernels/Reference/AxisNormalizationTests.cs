using EdgeML.Runtime.Tensors;
using static EdgeML.Runtime.Tests.Kernels.Reference.NeuralNetworkTesting;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Softmax, LogSoftmax and Hardmax: the same axis handling (which changed at opset 13),
/// each with its own math.</summary>
public class AxisNormalizationTests
{
    private static readonly string[] Ops = ["Softmax", "LogSoftmax", "Hardmax"];

    public static TheoryData<string, int, long> OpsOpsetsAndAxes()
    {
        var data = new TheoryData<string, int, long>();
        foreach (var op in Ops)
        {
            foreach (var (opset, axis) in new (int, long)[] { (1, 1), (1, 0), (11, 2), (11, -1), (13, 0), (13, 1), (13, -2) }) data.Add(op, opset, axis);
        }
        return data;
    }

    public static TheoryData<string, int> OpsAndOpsets()
    {
        var data = new TheoryData<string, int>();
        foreach (var op in Ops)
        {
            foreach (int opset in new[] { 1, 13 }) data.Add(op, opset);
        }
        return data;
    }

    public static TheoryData<string, DataType, double> OpsAndTypes()
    {
        var data = new TheoryData<string, DataType, double>();
        foreach (var op in Ops)
        {
            data.Add(op, DataType.Double, 1e-5);
            data.Add(op, DataType.Float16, 2e-3);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OpsOpsetsAndAxes))]
    public void Opset_axis_semantics_match_onnx_runtime(string op, int opset, long axis)
        => MatchesOrt(opset, op, [Random("x", [2, 3, 4, 5], opset + (int)axis, -5, 5)], [new("y", DataType.Float)], n => n.Attr("axis", axis));

    [Theory]
    [MemberData(nameof(OpsAndOpsets))]
    public void Default_axis_matches_onnx_runtime(string op, int opset)
        => MatchesOrt(opset, op, [Random("x", [3, 2, 6], opset, -5, 5)], [new("y", DataType.Float)]);

    [Theory]
    [MemberData(nameof(OpsAndTypes))]
    public void Other_float_types_match_onnx_runtime_in_float(string op, DataType type, double rtol)
        => MatchesOrtInFloat(type, 13, op, [Random("x", [2, 3, 7], 20, -5, 5)], [new("y", DataType.Float)], n => n.Attr("axis", 1L), rtol, 2e-3);
}

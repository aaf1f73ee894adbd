using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>The summing, averaging and multiplying reductions against ONNX Runtime: each with the input
/// range its math needs (logarithms need positive sums, products stay near one) and the types it takes.</summary>
public class ReduceTests
{
    private sealed record Reduction(string Op, double Low, double High, bool Integers);

    private static readonly Reduction[] Reductions =
    [
        new("ReduceL1", -2, 2, Integers: true),
        new("ReduceSum", -2, 2, Integers: true),
        new("ReduceSumSquare", -2, 2, Integers: true),
        new("ReduceProd", 0.5, 1.5, Integers: true),
        new("ReduceL2", -2, 2, Integers: false),
        new("ReduceMean", -2, 2, Integers: false),
        new("ReduceLogSum", 0.1, 2, Integers: false),
        new("ReduceLogSumExp", -2, 2, Integers: false),
    ];

    private static Reduction Find(string op) => Reductions.Single(r => r.Op == op);

    public static TheoryData<string, long[]?, long> AttributeCases()
    {
        var data = new TheoryData<string, long[]?, long>();
        foreach (var r in Reductions)
        {
            data.Add(r.Op, [1], 1);
            data.Add(r.Op, [0, 2], 0);
            data.Add(r.Op, [-1], 1);
            data.Add(r.Op, null, 0);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AttributeCases))]
    public void Axes_attribute_matches_onnx_runtime(string op, long[]? axes, long keepDims)
        => ReduceTesting.AxesAttribute(op, axes, keepDims, Find(op).Low, Find(op).High);

    public static TheoryData<string, long[], long, long> InputCases()
    {
        var data = new TheoryData<string, long[], long, long>();
        foreach (var r in Reductions)
        {
            data.Add(r.Op, [1, -1], 0, 0);
            data.Add(r.Op, [0, 2], 1, 0);
            data.Add(r.Op, [3], 1, 0);
            data.Add(r.Op, [], 1, 0);
            data.Add(r.Op, [], 0, 1);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(InputCases))]
    public void Axes_input_matches_onnx_runtime(string op, long[] axes, long keepDims, long noop)
        => ReduceTesting.AxesInput(op, axes, keepDims, noop, Find(op).Low, Find(op).High);

    public static TheoryData<string> Ops() => new(Reductions.Select(r => r.Op));

    [Theory]
    [MemberData(nameof(Ops))]
    public void Empty_reduction_matches_onnx_runtime(string op) => ReduceTesting.EmptyReduction(op);

    public static TheoryData<string, DataType> TypeCases()
    {
        var data = new TheoryData<string, DataType>();
        foreach (var r in Reductions)
        {
            data.Add(r.Op, DataType.Double);
            data.Add(r.Op, DataType.Float16);
            if (!r.Integers) continue;
            data.Add(r.Op, DataType.Int32);
            data.Add(r.Op, DataType.Int64);
        }
        return data;
    }

    // Integer sums and products are exact; floating-point ones are compared with a tolerance.
    [Theory]
    [MemberData(nameof(TypeCases))]
    public void Other_types_match_onnx_runtime_in_float(string op, DataType type)
        => ReduceTesting.Type(op, type, Find(op).Low, Find(op).High, exact: type is not (DataType.Double or DataType.Float16));
}

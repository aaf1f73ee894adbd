using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Equal, Greater, GreaterOrEqual, Less, LessOrEqual: one broadcasting comparison kernel,
/// checked per operator against ONNX Runtime and, for bfloat16 (which ORT lacks), against the math.</summary>
public class ComparisonTests
{
    private static readonly Dictionary<string, (int Opset, Func<float, float, bool> Compare)> Ops = new()
    {
        ["Equal"] = (13, (a, b) => a == b),
        ["Greater"] = (13, (a, b) => a > b),
        ["GreaterOrEqual"] = (16, (a, b) => a >= b),
        ["Less"] = (13, (a, b) => a < b),
        ["LessOrEqual"] = (16, (a, b) => a <= b),
    };

    public static TheoryData<string, DataType> OpsAndTypes()
    {
        var data = new TheoryData<string, DataType>();
        foreach (var op in Ops.Keys)
            foreach (var type in new[] { DataType.Float, DataType.Double, DataType.Float16, DataType.Int32, DataType.UInt64 }) data.Add(op, type);
        return data;
    }

    [Theory]
    [MemberData(nameof(OpsAndTypes))]
    public void Broadcasting_matches_onnx_runtime(string op, DataType type)
        => ElementwiseTesting.AssertMatchesOrt(Ops[op].Opset, op, [new TestInput(type, [2, 3, 4], 0, 4), new TestInput(type, [3, 1], 0, 4)], DataType.Bool);

    public static TheoryData<string> OpNames() => new(Ops.Keys);

    [Theory]
    [MemberData(nameof(OpNames))]
    public void BFloat16_compares_values(string op)
    {
        var (opset, compare) = Ops[op];
        var inputs = new[] { new TestInput(DataType.BFloat16, [3]), new TestInput(DataType.BFloat16, [1]) };
        var a = ElementwiseTesting.Make("x0", DataType.BFloat16, [3], BFloat16.FromSingle(1f), BFloat16.FromSingle(2f), BFloat16.FromSingle(3f));
        var b = ElementwiseTesting.Make("x1", DataType.BFloat16, [1], BFloat16.FromSingle(2f));
        var y = ElementwiseTesting.Run(opset, op, inputs, DataType.Bool, new() { ["x0"] = a, ["x1"] = b });
        Assert.Equal(new[] { 1f, 2f, 3f }.Select(v => compare(v, 2f)).ToArray(), y.ReadOnlySpan<bool>().ToArray());
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Max and Min: the same variadic broadcasting kernel with the opposite comparison.</summary>
public class MaxMinTests
{
    private static readonly DataType[] Types =
        [DataType.Float, DataType.Double, DataType.Float16, DataType.Int8, DataType.Int32, DataType.Int64, DataType.UInt8, DataType.UInt64, DataType.UInt32];

    public static TheoryData<string, DataType> OpsAndTypes()
    {
        var data = new TheoryData<string, DataType>();
        foreach (var op in new[] { "Max", "Min" })
        {
            foreach (var type in Types) data.Add(op, type);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OpsAndTypes))]
    public void Three_broadcast_inputs_match_onnx_runtime(string op, DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, op, [new TestInput(type, [3, 1], -50, 50), new TestInput(type, [2, 1, 4], -50, 50), new TestInput(type, [4], -50, 50)], type,
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Theory]
    [InlineData("Max")]
    [InlineData("Min")]
    public void One_input_is_copied(string op)
        => ElementwiseTesting.AssertMatchesOrt(13, op, [new TestInput(DataType.Float, [2, 5])], DataType.Float);

    [Theory]
    [InlineData("Max", 3f)]
    [InlineData("Min", 2f)]
    public void Nan_propagates(string op, float last)
    {
        var inputs = new[] { new TestInput(DataType.Float, [3]), new TestInput(DataType.Float, [3]) };
        var y = ElementwiseTesting.Run(13, op, inputs, DataType.Float, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [3], float.NaN, 1f, 2f),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Float, [3], 1f, float.NaN, 3f),
        }).ReadOnlySpan<float>().ToArray();
        Assert.True(float.IsNaN(y[0]) && float.IsNaN(y[1]));
        Assert.Equal(last, y[2]);
    }

    [Theory]
    [InlineData("Max")]
    [InlineData("Min")]
    public void BFloat16_matches_reference(string op)
        => ElementwiseTesting.AssertBinaryMatchesReference(13, op, new TestInput(DataType.BFloat16, [2, 3]), new TestInput(DataType.BFloat16, [3]),
            op == "Max" ? Math.Max : Math.Min);
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class WhereTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int64)]
    [InlineData(DataType.String)]
    public void Three_way_broadcasting_matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(16, "Where", [new TestInput(DataType.Bool, [2, 1, 4]), new TestInput(type, [3, 1]), new TestInput(type, [1, 3, 4])], type);

    [Fact]
    public void Scalars()
    {
        var inputs = new[] { new TestInput(DataType.Bool, []), new TestInput(DataType.Int32, []), new TestInput(DataType.Int32, [2]) };
        var y = ElementwiseTesting.Run(16, "Where", inputs, DataType.Int32, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Bool, [], false),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Int32, [], 5),
            ["x2"] = ElementwiseTesting.Make("x2", DataType.Int32, [2], 7, 8),
        });
        Assert.Equal([7, 8], y.ReadOnlySpan<int>().ToArray());
    }

    [Fact]
    public void Bool_and_uint16_values()
    {
        var inputs = new[] { new TestInput(DataType.Bool, [3]), new TestInput(DataType.Bool, [1]), new TestInput(DataType.Bool, [3]) };
        var y = ElementwiseTesting.Run(16, "Where", inputs, DataType.Bool, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Bool, [3], true, false, true),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Bool, [1], true),
            ["x2"] = ElementwiseTesting.Make("x2", DataType.Bool, [3], false, false, true),
        });
        Assert.Equal([true, false, true], y.ReadOnlySpan<bool>().ToArray());
        var inputs16 = new[] { new TestInput(DataType.Bool, [2, 1]), new TestInput(DataType.UInt16, [2]), new TestInput(DataType.UInt16, []) };
        var y16 = ElementwiseTesting.Run(16, "Where", inputs16, DataType.UInt16, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Bool, [2, 1], true, false),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.UInt16, [2], (ushort)1, (ushort)65535),
            ["x2"] = ElementwiseTesting.Make("x2", DataType.UInt16, [], (ushort)7),
        });
        Assert.Equal(new ushort[] { 1, 65535, 7, 7 }, y16.ReadOnlySpan<ushort>().ToArray());
    }
}

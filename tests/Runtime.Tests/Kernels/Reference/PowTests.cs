using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class PowTests
{
    [Theory]
    [InlineData(DataType.Double, DataType.Double)]
    [InlineData(DataType.Float16, DataType.Float16)]
    [InlineData(DataType.Float, DataType.Double)]
    [InlineData(DataType.Double, DataType.Int64)]
    [InlineData(DataType.Float16, DataType.Int32)]
    [InlineData(DataType.Int64, DataType.Float)]
    [InlineData(DataType.Int32, DataType.Int64)]
    public void Mixed_types_and_broadcasting_match_onnx_runtime(DataType baseType, DataType exponentType)
        => ElementwiseTesting.AssertMatchesOrt(15, "Pow", [new TestInput(baseType, [2, 3, 4], 1, 6), new TestInput(exponentType, [4], -2, 4)], baseType,
            rtol: baseType == DataType.Float16 ? 1e-3 : 1e-5);

    [Fact]
    public void Integer_base_to_an_infinite_power_gives_the_most_negative_integer_as_onnx_runtime()
        => ElementwiseTesting.AssertMatchesOrt(15, "Pow", [new TestInput(DataType.Int64, [4], 0, 1), new TestInput(DataType.Float, [4], -3, -1)], DataType.Int64);

    [Fact]
    public void Integer_powers_are_exact_in_64_bits()
    {
        var inputs = new[] { new TestInput(DataType.Int64, [5]), new TestInput(DataType.Int64, [5]) };
        var y = ElementwiseTesting.Run(15, "Pow", inputs, DataType.Int64, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Int64, [5], 3L, -2L, 2L, -1L, 5L),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Int64, [5], 39L, 3L, -1L, -3L, 0L),
        });
        Assert.Equal([4052555153018976267L, -8L, 0L, -1L, 1L], y.ReadOnlySpan<long>().ToArray());
    }

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertBinaryMatchesReference(15, "Pow", new TestInput(DataType.BFloat16, [2, 3], 0.5, 3), new TestInput(DataType.BFloat16, [3], -2, 2),
            Math.Pow, rtol: 8e-3);
}

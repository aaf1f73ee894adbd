using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>What only Equal takes: booleans and strings (the shared cases are in <see cref="ComparisonTests"/>).</summary>
public class EqualTests
{
    [Fact]
    public void Bool_matches_onnx_runtime()
        => ElementwiseTesting.AssertMatchesOrt(13, "Equal", [new TestInput(DataType.Bool, [2, 3, 4]), new TestInput(DataType.Bool, [3, 1])], DataType.Bool);

    [Fact]
    public void Strings_compare_by_value_with_broadcasting()
    {
        var inputs = new[] { new TestInput(DataType.String, [2, 2]), new TestInput(DataType.String, [2]) };
        var y = ElementwiseTesting.Run(19, "Equal", inputs, DataType.Bool, new()
        {
            ["x0"] = ElementwiseTesting.MakeStrings("x0", [2, 2], "a", "é", "b", ""),
            ["x1"] = ElementwiseTesting.MakeStrings("x1", [2], "a", new string('é', 1)),
        });
        Assert.Equal([true, true, false, false], y.ReadOnlySpan<bool>().ToArray());
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class XorTests
{
    [Fact]
    public void Broadcasting_matches_onnx_runtime()
        => ElementwiseTesting.AssertMatchesOrt(7, "Xor", [new TestInput(DataType.Bool, [2, 1, 4]), new TestInput(DataType.Bool, [3, 1])], DataType.Bool);

    [Fact]
    public void Truth_table()
    {
        var inputs = new[] { new TestInput(DataType.Bool, [4]), new TestInput(DataType.Bool, [4]) };
        var y = ElementwiseTesting.Run(7, "Xor", inputs, DataType.Bool, new()
        {
            ["x0"] = ElementwiseTesting.Make("x0", DataType.Bool, [4], false, false, true, true),
            ["x1"] = ElementwiseTesting.Make("x1", DataType.Bool, [4], false, true, false, true),
        });
        bool[] a = [false, false, true, true], b = [false, true, false, true];
        Assert.Equal(a.Zip(b, (a, b) => a != b).ToArray(), y.ReadOnlySpan<bool>().ToArray());
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class NotTests
{
    [Fact]
    public void Matches_onnx_runtime()
        => ElementwiseTesting.AssertMatchesOrt(1, "Not", [new TestInput(DataType.Bool, [3, 4, 2])], DataType.Bool);

    [Fact]
    public void Non_bool_input_is_an_error()
    {
        var e = Assert.Throws<EdgeMLException>(() => ElementwiseTesting.Run(1, "Not", [new TestInput(DataType.Int32, [1])], DataType.Int32,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Int32, [1], 1) }));
        Assert.Contains("must be bool", e.Message);
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ShrinkTests
{
    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Double)]
    [InlineData(DataType.Float16)]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int32)]
    [InlineData(DataType.Int64)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(9, "Shrink", [new TestInput(type, [3, 8], -6, 6)], type, n => n.Attr("bias", 1.5f).Attr("lambd", 2f),
            rtol: type == DataType.Float16 ? 1e-3 : 1e-4);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertUnaryMatchesReference(9, "Shrink", DataType.BFloat16, x => x < -0.5 ? x + 0.25 : x > 0.5 ? x - 0.25 : 0, -2, 2,
            n => n.Attr("bias", 0.25f), rtol: 8e-3);
}

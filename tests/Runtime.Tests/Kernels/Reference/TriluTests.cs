using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class TriluTests
{
    [Theory]
    [InlineData(1L, -1L)]
    [InlineData(0L, 2L)]
    [InlineData(0L, -4L)]
    public void Batched_int64(long upper, long k)
        => new TensorOpCase(14).In(TensorData.Random("x", DataType.Int64, [2, 3, 5])).In(TensorData.ScalarInt64("k", k)).Out("y", DataType.Int64)
            .Check("Trilu", n => n.Attr("upper", upper));
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class EyeLikeTests
{
    [Theory]
    [InlineData(-2L)]
    [InlineData(3L)]
    [InlineData(9L)]
    public void Off_diagonal_of_a_wide_int32_matrix_as_double(long k)
        => new TensorOpCase(9).In(TensorData.Random("x", DataType.Int32, [3, 5])).Out("y", DataType.Double)
            .Check("EyeLike", n => n.Attr("k", k).Attr("dtype", (long)DataType.Double));
}

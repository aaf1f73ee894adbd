using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SpaceToDepthTests
{
    [Theory]
    [InlineData(DataType.UInt8)]
    [InlineData(DataType.Double)]
    public void Blocksize_3(DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [2, 2, 6, 9])).Out("y", type).Check("SpaceToDepth", n => n.Attr("blocksize", 3L));
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class DepthToSpaceTests
{
    [Theory]
    [InlineData("DCR", DataType.Float16)]
    [InlineData("CRD", DataType.Double)]
    [InlineData("CRD", DataType.Float)]
    public void Blocksize_3(string mode, DataType type)
        => new TensorOpCase(13).In(TensorData.Random("x", type, [2, 18, 2, 3])).Out("y", type)
            .Check("DepthToSpace", n => n.Attr("blocksize", 3L).Attr("mode", mode));
}

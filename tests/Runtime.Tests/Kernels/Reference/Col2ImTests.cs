using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class Col2ImTests
{
    [Fact]
    public void Strides_dilations_and_pads_together()
    {
        // image 6x7, block 2x3, dilations 2x1, strides 1x2, pads 1,0,0,2: positions (6+1-3)/1+1 = 5 by (7+2-3)/2+1 = 4.
        new TensorOpCase(18).In(TensorData.Random("x", DataType.Float, [2, 2 * 6, 20])).In(TensorData.Int64s("image", 6, 7)).In(TensorData.Int64s("block", 2, 3))
            .Out("y", DataType.Float).Check("Col2Im", n => n.Attr("dilations", new long[] { 2, 1 }).Attr("strides", new long[] { 1, 2 }).Attr("pads", new long[] { 1, 0, 0, 2 }));
    }
}

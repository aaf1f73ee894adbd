using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class EinsumTests
{
    [Fact]
    public void Ellipsis_broadcasts_batch_dimensions()
        => new TensorOpCase(12).In(TensorData.Random("a", DataType.Float, [2, 1, 3, 4], 1)).In(TensorData.Random("b", DataType.Float, [1, 5, 4, 2], 2)).Out("y", DataType.Float)
            .Check("Einsum", n => n.Attr("equation", "...ij,...jk->...ik"));

    [Fact]
    public void Implicit_output_is_alphabetical()
        => new TensorOpCase(12).In(TensorData.Random("a", DataType.Double, [3, 4], 1)).In(TensorData.Random("b", DataType.Double, [4, 2], 2)).Out("y", DataType.Double)
            .Check("Einsum", n => n.Attr("equation", "kj,ji"));

    [Fact]
    public void Three_operands()
        => new TensorOpCase(12).In(TensorData.Random("a", DataType.Float, [2, 3], 1)).In(TensorData.Random("b", DataType.Float, [3, 4], 2)).In(TensorData.Random("c", DataType.Float, [4, 2], 3))
            .Out("y", DataType.Float).Check("Einsum", n => n.Attr("equation", "ij,jk,kl->li"));

    [Fact]
    public void Trace_and_outer_product_of_int32()
        => new TensorOpCase(12).In(TensorData.SmallInts("a", DataType.Int32, [3, 3], 9, 1)).In(TensorData.SmallInts("b", DataType.Int32, [2], 9, 2)).Out("y", DataType.Int32)
            .Check("Einsum", n => n.Attr("equation", "ii,j->j"));
}

using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Reference;
using EdgeML.Runtime.Operators;

namespace EdgeML.Runtime.Kernels;

/// <summary>
/// The kernel table: one row per operator, grouped by family and alphabetical within a group.
/// Adding an operator is its kernel file plus one row here (docs/adding-an-operator.md); a test
/// checks that every row's operator is in the catalog and has a test.
/// </summary>
internal static class KernelTable
{
    public static readonly KernelRow[] Rows =
    [
        // Elementwise math, comparison, logic, activations, casts.
        new(OpCode.Add, NumericBinaryKernel<AddOperator>.Create),
        new(OpCode.Div, NumericBinaryKernel<DivOperator>.Create),
        new(OpCode.Mul, NumericBinaryKernel<MulOperator>.Create),
        new(OpCode.Relu, NumericUnaryKernel<ReluOperator>.Create),
        new(OpCode.Sigmoid, FloatUnaryKernel<SigmoidOperator>.Create),
        new(OpCode.Sub, NumericBinaryKernel<SubOperator>.Create),
        // End of elementwise.

        // Tensor shape, layout, indexing, generation, resampling.
        new(OpCode.AffineGrid, AffineGrid.Create),
        new(OpCode.CenterCropPad, CenterCropPad.Create),
        new(OpCode.Col2Im, Col2Im.Create),
        new(OpCode.Compress, Compress.Create),
        new(OpCode.Concat, Concat.Create),
        new(OpCode.ConstantOfShape, ConstantOfShape.Create),
        new(OpCode.DepthToSpace, DepthToSpace.Create),
        new(OpCode.Einsum, Einsum.Create),
        new(OpCode.Expand, Expand.Create),
        new(OpCode.EyeLike, EyeLike.Create),
        new(OpCode.Flatten, Flatten.Create),
        new(OpCode.Gather, Gather.Create),
        new(OpCode.GatherElements, GatherElements.Create),
        new(OpCode.GatherND, GatherND.Create),
        new(OpCode.GridSample, GridSample.Create),
        new(OpCode.Identity, Identity.Create),
        new(OpCode.NonZero, NonZero.Create),
        new(OpCode.OneHot, OneHot.Create),
        new(OpCode.Pad, Pad.Create),
        new(OpCode.Range, Reference.Range.Create),
        new(OpCode.Reshape, Reshape.Create),
        new(OpCode.Resize, Resize.Create),
        new(OpCode.ReverseSequence, ReverseSequence.Create),
        new(OpCode.Scatter, Scatter.Create),
        new(OpCode.ScatterElements, ScatterElements.Create),
        new(OpCode.ScatterND, ScatterND.Create),
        new(OpCode.Shape, Shape.Create),
        new(OpCode.Size, Size.Create),
        new(OpCode.Slice, Slice.Create),
        new(OpCode.SpaceToDepth, SpaceToDepth.Create),
        new(OpCode.Split, Split.Create),
        new(OpCode.Squeeze, Squeeze.Create),
        new(OpCode.TensorScatter, TensorScatter.Create),
        new(OpCode.Tile, Tile.Create),
        new(OpCode.TopK, TopK.Create),
        new(OpCode.Transpose, Transpose.Create),
        new(OpCode.Trilu, Trilu.Create),
        new(OpCode.Unique, Unique.Create),
        new(OpCode.Unsqueeze, Unsqueeze.Create),
        new(OpCode.Upsample, Upsample.Create),
        // End of tensor.

        // Neural-network layers: convolution, pooling, matrix products, normalisation, reductions, attention.
        // End of neural-network.

        // Control flow, sequences, optionals, recurrent layers, random.
        // End of control flow.

        // Quantisation, strings, signal processing, detection, training operators.
        // End of quantisation.

        // ai.onnx.ml: classic machine-learning operators.
        // End of ai.onnx.ml.
    ];
}

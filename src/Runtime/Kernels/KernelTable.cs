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
        new(OpCode.Abs, NumericUnaryKernel<AbsOperator>.Create),
        new(OpCode.Acos, FloatUnaryKernel<AcosOperator>.Create),
        new(OpCode.Acosh, FloatUnaryKernel<AcoshOperator>.Create),
        new(OpCode.Add, NumericBinaryKernel<AddOperator>.Create),
        new(OpCode.And, LogicalBinaryKernel<AndOperator>.Create),
        new(OpCode.Asin, FloatUnaryKernel<AsinOperator>.Create),
        new(OpCode.Asinh, FloatUnaryKernel<AsinhOperator>.Create),
        new(OpCode.Atan, FloatUnaryKernel<AtanOperator>.Create),
        new(OpCode.Atanh, FloatUnaryKernel<AtanhOperator>.Create),
        new(OpCode.BitCast, BitCast.Create),
        new(OpCode.BitShift, BitShift.Create),
        new(OpCode.BitwiseAnd, BitwiseBinaryKernel<BitwiseAndOperator>.Create),
        new(OpCode.BitwiseNot, BitwiseNot.Create),
        new(OpCode.BitwiseOr, BitwiseBinaryKernel<BitwiseOrOperator>.Create),
        new(OpCode.BitwiseXor, BitwiseBinaryKernel<BitwiseXorOperator>.Create),
        new(OpCode.Cast, Cast.Create),
        new(OpCode.CastLike, CastLike.Create),
        new(OpCode.Ceil, FloatUnaryKernel<CeilOperator>.Create),
        new(OpCode.Celu, FloatActivationKernel<CeluOperator>.Create),
        new(OpCode.Clip, Clip.Create),
        new(OpCode.Cos, FloatUnaryKernel<CosOperator>.Create),
        new(OpCode.Cosh, FloatUnaryKernel<CoshOperator>.Create),
        new(OpCode.CumProd, CumulativeKernel<CumProdOperator>.Create),
        new(OpCode.CumSum, CumulativeKernel<CumSumOperator>.Create),
        new(OpCode.Div, NumericBinaryKernel<DivOperator>.Create),
        new(OpCode.Elu, FloatActivationKernel<EluOperator>.Create),
        new(OpCode.Equal, ComparisonKernel<EqualOperator>.Create),
        new(OpCode.Erf, FloatUnaryKernel<ErfOperator>.Create),
        new(OpCode.Exp, FloatUnaryKernel<ExpOperator>.Create),
        new(OpCode.Floor, FloatUnaryKernel<FloorOperator>.Create),
        new(OpCode.Gelu, Gelu.Create),
        new(OpCode.Greater, ComparisonKernel<GreaterOperator>.Create),
        new(OpCode.GreaterOrEqual, ComparisonKernel<GreaterOrEqualOperator>.Create),
        new(OpCode.HardSigmoid, FloatActivationKernel<HardSigmoidOperator>.Create),
        new(OpCode.HardSwish, FloatUnaryKernel<HardSwishOperator>.Create),
        new(OpCode.IsInf, IsInf.Create),
        new(OpCode.IsNaN, IsNaN.Create),
        new(OpCode.LeakyRelu, FloatActivationKernel<LeakyReluOperator>.Create),
        new(OpCode.Less, ComparisonKernel<LessOperator>.Create),
        new(OpCode.LessOrEqual, ComparisonKernel<LessOrEqualOperator>.Create),
        new(OpCode.Log, FloatUnaryKernel<LogOperator>.Create),
        new(OpCode.Max, VariadicKernel<MaxOperator>.Create),
        new(OpCode.Mean, VariadicKernel<MeanOperator>.Create),
        new(OpCode.Min, VariadicKernel<MinOperator>.Create),
        new(OpCode.Mish, FloatUnaryKernel<MishOperator>.Create),
        new(OpCode.Mod, Mod.Create),
        new(OpCode.Mul, NumericBinaryKernel<MulOperator>.Create),
        new(OpCode.Neg, NumericUnaryKernel<NegOperator>.Create),
        new(OpCode.Not, Not.Create),
        new(OpCode.Or, LogicalBinaryKernel<OrOperator>.Create),
        new(OpCode.Pow, Pow.Create),
        new(OpCode.PRelu, NumericBinaryKernel<PReluOperator>.Create),
        new(OpCode.Reciprocal, FloatUnaryKernel<ReciprocalOperator>.Create),
        new(OpCode.Relu, NumericUnaryKernel<ReluOperator>.Create),
        new(OpCode.Round, FloatUnaryKernel<RoundOperator>.Create),
        new(OpCode.Selu, FloatActivationKernel<SeluOperator>.Create),
        new(OpCode.Shrink, Shrink.Create),
        new(OpCode.Sigmoid, FloatUnaryKernel<SigmoidOperator>.Create),
        new(OpCode.Sign, NumericUnaryKernel<SignOperator>.Create),
        new(OpCode.Sin, FloatUnaryKernel<SinOperator>.Create),
        new(OpCode.Sinh, FloatUnaryKernel<SinhOperator>.Create),
        new(OpCode.Softplus, FloatUnaryKernel<SoftplusOperator>.Create),
        new(OpCode.Softsign, FloatUnaryKernel<SoftsignOperator>.Create),
        new(OpCode.Sqrt, FloatUnaryKernel<SqrtOperator>.Create),
        new(OpCode.Sub, NumericBinaryKernel<SubOperator>.Create),
        new(OpCode.Sum, VariadicKernel<SumOperator>.Create),
        new(OpCode.Swish, FloatActivationKernel<SwishOperator>.Create),
        new(OpCode.Tan, FloatUnaryKernel<TanOperator>.Create),
        new(OpCode.Tanh, FloatUnaryKernel<TanhOperator>.Create),
        new(OpCode.ThresholdedRelu, FloatActivationKernel<ThresholdedReluOperator>.Create),
        new(OpCode.Where, Where.Create),
        new(OpCode.Xor, LogicalBinaryKernel<XorOperator>.Create),
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

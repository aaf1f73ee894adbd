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
        new(OpCode.Identity, Identity.Create),
        // End of tensor.

        // Neural-network layers: convolution, pooling, matrix products, normalisation, reductions, attention.
        new(OpCode.ArgMax, ArgMax.Create),
        new(OpCode.ArgMin, ArgMin.Create),
        new(OpCode.AveragePool, AveragePool.Create),
        new(OpCode.BatchNormalization, BatchNormalization.Create),
        new(OpCode.Conv, Conv.Create),
        new(OpCode.ConvTranspose, ConvTranspose.Create),
        new(OpCode.Gemm, Gemm.Create),
        new(OpCode.GlobalAveragePool, GlobalAveragePool.Create),
        new(OpCode.GlobalLpPool, GlobalLpPool.Create),
        new(OpCode.GlobalMaxPool, GlobalMaxPool.Create),
        new(OpCode.GroupNormalization, GroupNormalization.Create),
        new(OpCode.Hardmax, Hardmax.Create),
        new(OpCode.InstanceNormalization, InstanceNormalization.Create),
        new(OpCode.LRN, LRN.Create),
        new(OpCode.LayerNormalization, LayerNormalization.Create),
        new(OpCode.LogSoftmax, LogSoftmax.Create),
        new(OpCode.LpNormalization, LpNormalization.Create),
        new(OpCode.LpPool, LpPool.Create),
        new(OpCode.MatMul, MatMul.Create),
        new(OpCode.MaxPool, MaxPool.Create),
        new(OpCode.MeanVarianceNormalization, MeanVarianceNormalization.Create),
        new(OpCode.RMSNormalization, RMSNormalization.Create),
        new(OpCode.ReduceL1, ReduceKernel<ReduceL1Operator>.Create),
        new(OpCode.ReduceL2, ReduceKernel<ReduceL2Operator>.Create),
        new(OpCode.ReduceLogSum, ReduceKernel<ReduceLogSumOperator>.Create),
        new(OpCode.ReduceLogSumExp, ReduceKernel<ReduceLogSumExpOperator>.Create),
        new(OpCode.ReduceMax, ReduceKernel<ReduceMaxOperator>.Create),
        new(OpCode.ReduceMean, ReduceKernel<ReduceMeanOperator>.Create),
        new(OpCode.ReduceMin, ReduceKernel<ReduceMinOperator>.Create),
        new(OpCode.ReduceProd, ReduceKernel<ReduceProdOperator>.Create),
        new(OpCode.ReduceSum, ReduceKernel<ReduceSumOperator>.Create),
        new(OpCode.ReduceSumSquare, ReduceKernel<ReduceSumSquareOperator>.Create),
        new(OpCode.Softmax, Softmax.Create),
        // End of neural-network.

        // Control flow, sequences, optionals, recurrent layers, random.
        // End of control flow.

        // Quantisation, strings, signal processing, detection, training operators.
        // End of quantisation.

        // ai.onnx.ml: classic machine-learning operators.
        // End of ai.onnx.ml.
    ];
}

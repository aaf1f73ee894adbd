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
        // End of neural-network.

        // Control flow, sequences, optionals, recurrent layers, random.
        // End of control flow.

        // Quantisation, strings, signal processing, detection, training operators.
        new(OpCode.BlackmanWindow, BlackmanWindow.Create),
        new(OpCode.ConvInteger, ConvInteger.Create),
        new(OpCode.DequantizeLinear, DequantizeLinear.Create),
        new(OpCode.Det, Det.Create),
        new(OpCode.DFT, DFT.Create),
        new(OpCode.DynamicQuantizeLinear, DynamicQuantizeLinear.Create),
        new(OpCode.HammingWindow, HammingWindow.Create),
        new(OpCode.HannWindow, HannWindow.Create),
        new(OpCode.MatMulInteger, MatMulInteger.Create),
        new(OpCode.MelWeightMatrix, MelWeightMatrix.Create),
        new(OpCode.NonMaxSuppression, NonMaxSuppression.Create),
        new(OpCode.QLinearConv, QLinearConv.Create),
        new(OpCode.QLinearMatMul, QLinearMatMul.Create),
        new(OpCode.QuantizeLinear, QuantizeLinear.Create),
        new(OpCode.RegexFullMatch, RegexFullMatch.Create),
        new(OpCode.STFT, STFT.Create),
        new(OpCode.StringConcat, StringConcat.Create),
        new(OpCode.StringNormalizer, StringNormalizer.Create),
        new(OpCode.StringSplit, StringSplit.Create),
        new(OpCode.TfIdfVectorizer, TfIdfVectorizer.Create),
        new(OpCode.TrainingAdagrad, Adagrad.Create),
        new(OpCode.TrainingAdam, Adam.Create),
        new(OpCode.TrainingMomentum, Momentum.Create),
        // End of quantisation.

        // ai.onnx.ml: classic machine-learning operators.
        // End of ai.onnx.ml.
    ];
}

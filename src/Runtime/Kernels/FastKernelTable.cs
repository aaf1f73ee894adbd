using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Optimized;
using EdgeML.Runtime.Kernels.Reference;
using EdgeML.Runtime.Operators;

namespace EdgeML.Runtime.Kernels;

/// <summary>Creates the fast kernel of a node for a CPU variant, or returns null when it does not
/// handle the node (then the reference kernel runs).</summary>
public delegate Kernel? FastKernelFactory(KernelInfo info, CpuVariant variant);

/// <summary>One row of the fast kernel table.</summary>
public readonly record struct FastKernelRow(OpCode Op, FastKernelFactory Create);

/// <summary>
/// The fast kernels, one row per operator that has one, alphabetical. The registry asks here first
/// unless the variant is <see cref="CpuVariant.Reference"/>; a factory returning null (an element type
/// or form it does not handle) falls back to the operator's row in <see cref="KernelTable"/>, which
/// stays the oracle every fast kernel is tested against.
/// </summary>
internal static class FastKernelTable
{
    public static readonly FastKernelRow[] Rows =
    [
        new(OpCode.Add, BinaryKernel<VectorAdd>.Factory(NumericBinaryKernel<AddOperator>.Create)),
        new(OpCode.AveragePool, PoolKernel.CreateAveragePool),
        new(OpCode.Clip, UnaryKernel.CreateClip),
        new(OpCode.Conv, ConvKernel.CreateConv),
        new(OpCode.Div, BinaryKernel<VectorDivide>.Factory(NumericBinaryKernel<DivOperator>.Create)),
        new(OpCode.EdgeMLFusedConv, ConvKernel.CreateFused),
        new(OpCode.EdgeMLFusedMatMul, MatMulKernel.CreateFused),
        new(OpCode.Gemm, MatMulKernel.CreateGemm),
        new(OpCode.GlobalAveragePool, GlobalAveragePoolKernel.Create),
        new(OpCode.HardSigmoid, UnaryKernel.Factory(FloatActivationKernel<HardSigmoidOperator>.Create, info => new Activation(ActivationKind.HardSigmoid, info.Attributes.GetFloat("alpha", 0.2f), info.Attributes.GetFloat("beta", 0.5f)))),
        new(OpCode.HardSwish, UnaryKernel.Factory(FloatUnaryKernel<HardSwishOperator>.Create, _ => new Activation(ActivationKind.HardSwish))),
        new(OpCode.LSTM, LstmKernel.Create),
        new(OpCode.LeakyRelu, UnaryKernel.Factory(FloatActivationKernel<LeakyReluOperator>.Create, info => new Activation(ActivationKind.LeakyRelu, info.Attributes.GetFloat("alpha", 0.01f)))),
        new(OpCode.MatMul, MatMulKernel.CreateMatMul),
        new(OpCode.Max, BinaryKernel<VectorMax>.Factory(VariadicKernel<MaxOperator>.Create, minVersion: 8, twoInputs: true)),
        new(OpCode.MaxPool, PoolKernel.CreateMaxPool),
        new(OpCode.Min, BinaryKernel<VectorMin>.Factory(VariadicKernel<MinOperator>.Create, minVersion: 8, twoInputs: true)),
        new(OpCode.Mul, BinaryKernel<VectorMultiply>.Factory(NumericBinaryKernel<MulOperator>.Create)),
        new(OpCode.Pow, PowKernel.Create),
        new(OpCode.Relu, UnaryKernel.Factory(NumericUnaryKernel<ReluOperator>.Create, _ => new Activation(ActivationKind.Relu))),
        new(OpCode.Sigmoid, UnaryKernel.Factory(FloatUnaryKernel<SigmoidOperator>.Create, _ => new Activation(ActivationKind.Sigmoid))),
        new(OpCode.Softmax, SoftmaxKernel.Create),
        new(OpCode.Sub, BinaryKernel<VectorSubtract>.Factory(NumericBinaryKernel<SubOperator>.Create)),
        new(OpCode.Transpose, TransposeKernel.Create),
    ];
}

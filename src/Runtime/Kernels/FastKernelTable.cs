using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Optimized;
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
        new(OpCode.Conv, ConvKernel.CreateConv),
        new(OpCode.FusedConv, ConvKernel.CreateFused),
        new(OpCode.FusedMatMul, MatMulKernel.CreateFused),
        new(OpCode.Gemm, MatMulKernel.CreateGemm),
        new(OpCode.MatMul, MatMulKernel.CreateMatMul),
    ];
}

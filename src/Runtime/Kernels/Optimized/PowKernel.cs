using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast float32 Pow for the exponents models use as squares and square roots: a single exponent
/// value of 2 (x · x) or 0.5 (√x), both correctly rounded like the reference's double-precision
/// power. Any other exponent, shape or type runs the reference kernel.
/// </summary>
internal sealed unsafe class PowKernel : Kernel
{
    private readonly CpuVariant _variant;
    private readonly Kernel _reference;

    private PowKernel(CpuVariant variant, Kernel reference)
    {
        _variant = variant;
        _reference = reference;
    }

    public static Kernel? Create(KernelInfo info, CpuVariant variant)
        => info.InputType(0) is DataType.Float or DataType.Undefined ? new PowKernel(variant, Reference.Pow.Create(info)) : null;

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        float e = b.Type == DataType.Float && b.Length == 1 ? b.ReadOnlySpan<float>()[0] : float.NaN;
        if (a.Type != DataType.Float || (e != 2f && e != 0.5f))
        {
            _reference.Execute(context);
            return;
        }
        var y = context.Output(0);
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank = Broadcast.Shape(a.Shape, b.Shape, shape);
        if (Broadcast.Count(shape[..rank]) != a.Length)
        {
            _reference.Execute(context);
            return;
        }
        y.Allocate(DataType.Float, shape[..rank]);
        float* x = (float*)a.Pointer, yp = (float*)y.Pointer;
        long n = y.Length;
        if (e == 2f) VectorMath.Square(_variant, x, yp, n);
        else VectorMath.Sqrt(_variant, x, yp, n);
    }
}

using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>Fast float32 GlobalAveragePool: a vector sum of each (N, C) plane. Other types run the reference kernel.</summary>
internal sealed unsafe class GlobalAveragePoolKernel : Kernel
{
    private readonly CpuVariant _variant;
    private readonly Kernel _reference;

    private GlobalAveragePoolKernel(CpuVariant variant, Kernel reference)
    {
        _variant = variant;
        _reference = reference;
    }

    public static Kernel? Create(KernelInfo info, CpuVariant variant)
        => info.InputType(0) is DataType.Float or DataType.Undefined ? new GlobalAveragePoolKernel(variant, Reference.GlobalAveragePool.Create(info)) : null;

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Float || x.Rank < 3)
        {
            _reference.Execute(context);
            return;
        }
        var y = context.Output(0);
        long planes = x.Dim(0) * x.Dim(1), size = Pooling.AllocateGlobal(context, x, y);
        float* xp = (float*)x.Pointer, yp = (float*)y.Pointer;
        for (long p = 0; p < planes; p++) yp[p] = size == 0 ? float.NaN : VectorMath.Sum(_variant, xp + p * size, size) / size;
    }
}

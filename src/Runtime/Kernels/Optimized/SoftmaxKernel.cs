using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast float32 Softmax when the normalised axis is the innermost (every row contiguous): a vector
/// maximum, vector exponentials summed as they are stored, one vector scale. Other layouts and
/// types run the reference kernel.
/// </summary>
internal sealed unsafe class SoftmaxKernel : Kernel
{
    private readonly CpuVariant _variant;
    private readonly Reference.Softmax _reference;

    private SoftmaxKernel(CpuVariant variant, Reference.Softmax reference)
    {
        _variant = variant;
        _reference = reference;
    }

    public static Kernel? Create(KernelInfo info, CpuVariant variant)
    {
        if (info.InputType(0) is not (DataType.Float or DataType.Undefined)) return null;
        return new SoftmaxKernel(variant, Reference.Softmax.Create(info));
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Float || x.Rank == 0)
        {
            _reference.Execute(context);
            return;
        }
        var lanes = _reference.LanesOf(x.Shape);
        if (lanes.Stride != 1)
        {
            _reference.Execute(context);
            return;
        }
        var y = context.Output(0);
        y.Allocate(DataType.Float, x.Shape);
        if (y.Length == 0) return;
        switch (_variant)
        {
            case CpuVariant.Avx512: Rows<Simd512, Vector512<float>>((float*)x.Pointer, (float*)y.Pointer, lanes.Outer, lanes.Length); break;
            case CpuVariant.Avx2: Rows<Simd256, Vector256<float>>((float*)x.Pointer, (float*)y.Pointer, lanes.Outer, lanes.Length); break;
            case CpuVariant.Vector128: Rows<Simd128, Vector128<float>>((float*)x.Pointer, (float*)y.Pointer, lanes.Outer, lanes.Length); break;
            default: Rows<SimdScalar, float>((float*)x.Pointer, (float*)y.Pointer, lanes.Outer, lanes.Length); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows<TS, TV>(float* x, float* y, int rows, int n) where TS : ISimd<TV> where TV : struct
    {
        int v = TS.Count;
        for (int r = 0; r < rows; r++)
        {
            float* xr = x + (long)r * n, yr = y + (long)r * n;
            int i = 0;
            float max = float.NegativeInfinity;
            if (n >= v)
            {
                var m = TS.Load(xr);
                for (i = v; i <= n - v; i += v) m = TS.Max(m, TS.Load(xr + i));
                max = TS.MaxAcross(m);
            }
            for (; i < n; i++) max = MathF.Max(max, xr[i]);
            var mv = TS.Splat(max);
            var sum = TS.Zero;
            float tailSum = 0;
            for (i = 0; i <= n - v; i += v)
            {
                var e = TS.Exp(TS.Subtract(TS.Load(xr + i), mv));
                TS.Store(yr + i, e);
                sum = TS.Add(sum, e);
            }
            for (; i < n; i++)
            {
                float e = MathF.Exp(xr[i] - max);
                yr[i] = e;
                tailSum += e;
            }
            float scale = 1f / (TS.Sum(sum) + tailSum);
            var sv = TS.Splat(scale);
            for (i = 0; i <= n - v; i += v) TS.Store(yr + i, TS.Multiply(TS.Load(yr + i), sv));
            for (; i < n; i++) yr[i] *= scale;
        }
    }
}

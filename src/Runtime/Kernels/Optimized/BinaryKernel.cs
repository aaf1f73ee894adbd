using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>A float binary operation, in vectors and for one value (the same rounding either way).</summary>
internal interface IVectorBinary
{
    static abstract TV Apply<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct;
}

internal readonly struct VectorAdd : IVectorBinary { public static TV Apply<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct => TS.Add(a, b); }
internal readonly struct VectorSubtract : IVectorBinary { public static TV Apply<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct => TS.Subtract(a, b); }
internal readonly struct VectorMultiply : IVectorBinary { public static TV Apply<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct => TS.Multiply(a, b); }
internal readonly struct VectorDivide : IVectorBinary { public static TV Apply<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct => TS.Divide(a, b); }

/// <summary>Max as the reference computes it: a NaN in either input gives NaN.</summary>
internal readonly struct VectorMax : IVectorBinary
{
    public static TV Apply<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct
        => TS.SelectNaN(a, a, TS.SelectGreater(a, b, a, b));
}

/// <summary>Min as the reference computes it: a NaN in either input gives NaN.</summary>
internal readonly struct VectorMin : IVectorBinary
{
    public static TV Apply<TS, TV>(TV a, TV b) where TS : ISimd<TV> where TV : struct
        => TS.SelectNaN(a, a, TS.SelectLess(a, b, a, b));
}

/// <summary>
/// Fast float32 Add, Sub, Mul, Div (opset 7 and later) and two-input Max and Min with numpy
/// broadcasting. The broadcast is reduced to an outer loop over merged axes and a vectorised inner
/// run in which each input either advances or repeats one value. Other types, opset-6 broadcasting
/// and Max/Min of other input counts run the reference kernel.
/// </summary>
internal sealed unsafe class BinaryKernel<TOp> : Kernel where TOp : IVectorBinary
{
    private readonly CpuVariant _variant;
    private readonly Kernel _reference;

    private BinaryKernel(CpuVariant variant, Kernel reference)
    {
        _variant = variant;
        _reference = reference;
    }

    public static FastKernelFactory Factory(KernelFactory reference, int minVersion = 7, bool twoInputs = false) => (info, variant) =>
    {
        if (info.Version < minVersion || (twoInputs && info.InputCount != 2)) return null;
        if (info.InputType(0) is not (DataType.Float or DataType.Undefined)) return null;
        return new BinaryKernel<TOp>(variant, reference(info));
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Execute(KernelContext context)
    {
        if (context.InputCount != 2)
        {
            _reference.Execute(context);
            return;
        }
        var a = context.Input(0);
        var b = context.Input(1);
        if (a.Type != DataType.Float || b.Type != DataType.Float)
        {
            _reference.Execute(context);
            return;
        }
        var y = context.Output(0);
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank = Broadcast.Shape(a.Shape, b.Shape, shape);
        y.Allocate(DataType.Float, shape[..rank]);
        if (y.Length == 0) return;
        float* ap = (float*)a.Pointer, bp = (float*)b.Pointer, yp = (float*)y.Pointer;
        if (a.Length == y.Length && b.Length == y.Length)
        {
            Run(ap, 1, bp, 1, yp, y.Length);
            return;
        }
        if (a.Length == y.Length && b.Length == 1)
        {
            Run(ap, 1, bp, 0, yp, y.Length);
            return;
        }
        if (a.Length == 1 && b.Length == y.Length)
        {
            Run(ap, 0, bp, 1, yp, y.Length);
            return;
        }
        // General broadcast: strides (0 on broadcast axes), then merge axes that stay dense.
        Span<long> aStrides = stackalloc long[Math.Max(rank, 1)];
        Span<long> bStrides = stackalloc long[Math.Max(rank, 1)];
        Broadcast.Strides(a.Shape, shape[..rank], aStrides[..rank]);
        Broadcast.Strides(b.Shape, shape[..rank], bStrides[..rank]);
        Span<long> dims = stackalloc long[Math.Max(rank, 1)];
        Span<long> sa = stackalloc long[Math.Max(rank, 1)];
        Span<long> sb = stackalloc long[Math.Max(rank, 1)];
        int r = 0;
        for (int i = rank - 1; i >= 0; i--)
        {
            if (shape[i] == 1) continue;
            if (r > 0 && aStrides[i] == sa[r - 1] * dims[r - 1] && bStrides[i] == sb[r - 1] * dims[r - 1])
            {
                dims[r - 1] *= shape[i];
                continue;
            }
            dims[r] = shape[i];
            sa[r] = aStrides[i];
            sb[r] = bStrides[i];
            r++;
        }
        // dims[0] is now the innermost run; its strides are 0 or 1.
        long inner = dims[0];
        Span<long> index = stackalloc long[Math.Max(r, 1)];
        index.Clear();
        long aOff = 0, bOff = 0, count = y.Length / inner;
        for (long o = 0; o < count; o++)
        {
            Run(ap + aOff, sa[0], bp + bOff, sb[0], yp + o * inner, inner);
            for (int d = 1; d < r; d++)
            {
                index[d]++;
                aOff += sa[d];
                bOff += sb[d];
                if (index[d] < dims[d]) break;
                aOff -= sa[d] * dims[d];
                bOff -= sb[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    private void Run(float* a, long aStep, float* b, long bStep, float* y, long n)
    {
        switch (_variant)
        {
            case CpuVariant.Avx512: Run<Simd512, Vector512<float>>(a, aStep, b, bStep, y, n); break;
            case CpuVariant.Avx2: Run<Simd256, Vector256<float>>(a, aStep, b, bStep, y, n); break;
            case CpuVariant.Vector128: Run<Simd128, Vector128<float>>(a, aStep, b, bStep, y, n); break;
            default: Run<SimdScalar, float>(a, aStep, b, bStep, y, n); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TS, TV>(float* a, long aStep, float* b, long bStep, float* y, long n) where TS : ISimd<TV> where TV : struct
    {
        long i = 0;
        int v = TS.Count;
        if (aStep == 1 && bStep == 1)
        {
            for (; i <= n - 2 * v; i += 2 * v)
            {
                TS.Store(y + i, TOp.Apply<TS, TV>(TS.Load(a + i), TS.Load(b + i)));
                TS.Store(y + i + v, TOp.Apply<TS, TV>(TS.Load(a + i + v), TS.Load(b + i + v)));
            }
            for (; i <= n - v; i += v) TS.Store(y + i, TOp.Apply<TS, TV>(TS.Load(a + i), TS.Load(b + i)));
            for (; i < n; i++) y[i] = TOp.Apply<SimdScalar, float>(a[i], b[i]);
        }
        else if (aStep == 1)
        {
            var bv = TS.Splat(*b);
            for (; i <= n - v; i += v) TS.Store(y + i, TOp.Apply<TS, TV>(TS.Load(a + i), bv));
            for (; i < n; i++) y[i] = TOp.Apply<SimdScalar, float>(a[i], *b);
        }
        else if (bStep == 1)
        {
            var av = TS.Splat(*a);
            for (; i <= n - v; i += v) TS.Store(y + i, TOp.Apply<TS, TV>(av, TS.Load(b + i)));
            for (; i < n; i++) y[i] = TOp.Apply<SimdScalar, float>(*a, b[i]);
        }
        else
        {
            float value = TOp.Apply<SimdScalar, float>(*a, *b);
            new Span<float>(y, (int)n).Fill(value);
        }
    }
}

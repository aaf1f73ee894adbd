using System.Runtime.CompilerServices;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Simd;

/// <summary>Applies an <see cref="Activation"/> in place over a run of floats, vectorised.</summary>
internal static unsafe class VectorActivation
{
    /// <summary>y = activation(x) over n floats; x and y may be the same.</summary>
    public static void Apply(CpuVariant variant, float* x, float* y, nint n, in Activation a)
    {
        if (n <= 0) return;
        if (a.Kind == ActivationKind.None)
        {
            if (x != y) Buffer.MemoryCopy(x, y, n * sizeof(float), n * sizeof(float));
            return;
        }
        switch (variant)
        {
            case CpuVariant.Avx512: Apply<Simd512, System.Runtime.Intrinsics.Vector512<float>>(x, y, n, a); break;
            case CpuVariant.Avx2: Apply<Simd256, System.Runtime.Intrinsics.Vector256<float>>(x, y, n, a); break;
            case CpuVariant.Vector128: Apply<Simd128, System.Runtime.Intrinsics.Vector128<float>>(x, y, n, a); break;
            default: Apply<SimdScalar, float>(x, y, n, a); break;
        }
    }

    /// <summary>The activation in place over n floats.</summary>
    public static void Apply<TS, TV>(float* p, nint n, in Activation a) where TS : ISimd<TV> where TV : struct => Apply<TS, TV>(p, p, n, a);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TS, TV>(float* src, float* p, nint n, in Activation a) where TS : ISimd<TV> where TV : struct
    {
        if (a.Kind == ActivationKind.None)
        {
            if (src != p) Buffer.MemoryCopy(src, p, n * sizeof(float), n * sizeof(float));
            return;
        }
        nint i = 0;
        switch (a.Kind)
        {
            case ActivationKind.Relu:
            {
                var zero = TS.Zero;
                for (; i <= n - TS.Count; i += TS.Count) { var x = TS.Load(src + i); TS.Store(p + i, TS.SelectGreater(x, zero, x, zero)); }
                break;
            }
            case ActivationKind.Clip:
            {
                TV lo = TS.Splat(a.Alpha), hi = TS.Splat(a.Beta);
                for (; i <= n - TS.Count; i += TS.Count)
                {
                    var x = TS.Load(src + i);
                    x = TS.SelectLess(x, lo, lo, x);
                    TS.Store(p + i, TS.SelectGreater(x, hi, hi, x));
                }
                break;
            }
            case ActivationKind.LeakyRelu:
            {
                TV zero = TS.Zero, alpha = TS.Splat(a.Alpha);
                for (; i <= n - TS.Count; i += TS.Count) { var x = TS.Load(src + i); TS.Store(p + i, TS.SelectLess(x, zero, TS.Multiply(x, alpha), x)); }
                break;
            }
            case ActivationKind.LeakyReluMax:
            {
                TV zero = TS.Zero, alpha = TS.Splat(a.Alpha), floor = TS.Splat(a.Beta);
                for (; i <= n - TS.Count; i += TS.Count)
                {
                    var x = TS.Load(src + i);
                    x = TS.SelectLess(x, zero, TS.Multiply(x, alpha), x);
                    TS.Store(p + i, TS.SelectLess(x, floor, floor, x));
                }
                break;
            }
            case ActivationKind.HardSigmoid:
            {
                TV zero = TS.Zero, one = TS.Splat(1), alpha = TS.Splat(a.Alpha), beta = TS.Splat(a.Beta);
                for (; i <= n - TS.Count; i += TS.Count)
                {
                    var v = TS.Add(TS.Multiply(alpha, TS.Load(src + i)), beta);
                    v = TS.SelectLess(v, zero, zero, v);
                    TS.Store(p + i, TS.SelectGreater(v, one, one, v));
                }
                break;
            }
            case ActivationKind.HardSwish:
            {
                TV zero = TS.Zero, one = TS.Splat(1), six = TS.Splat(6), half = TS.Splat(0.5f);
                for (; i <= n - TS.Count; i += TS.Count)
                {
                    var x = TS.Load(src + i);
                    var gate = TS.Add(TS.Divide(x, six), half);
                    gate = TS.SelectLess(gate, zero, zero, gate);
                    gate = TS.SelectGreater(gate, one, one, gate);
                    TS.Store(p + i, TS.Multiply(x, gate));
                }
                break;
            }
            case ActivationKind.Sigmoid:
                for (; i <= n - TS.Count; i += TS.Count) TS.Store(p + i, Sigmoid<TS, TV>(TS.Load(src + i)));
                break;
        }
        for (; i < n; i++) p[i] = a.Apply(src[i]);
    }

    /// <summary>Sigmoid as the reference computes it: 1 / (1 + e^-x) for x ≥ 0, e^x / (1 + e^x) below.</summary>
    public static TV Sigmoid<TS, TV>(TV x) where TS : ISimd<TV> where TV : struct
    {
        TV zero = TS.Zero, one = TS.Splat(1);
        var negAbs = TS.SelectLess(x, zero, x, TS.Subtract(zero, x));
        var e = TS.Exp(negAbs);
        var r = TS.Divide(one, TS.Add(one, e));
        return TS.SelectLess(x, zero, TS.Multiply(e, r), r);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EdgeML.Runtime.Cpu;

namespace EdgeML.Runtime.Kernels.Simd;

/// <summary>Small vectorised loops over float runs, dispatched on the CPU variant.</summary>
internal static unsafe class VectorMath
{
    /// <summary>y = x · x.</summary>
    public static void Square(CpuVariant variant, float* x, float* y, long n)
    {
        switch (variant)
        {
            case CpuVariant.Avx512: Square<Simd512, Vector512<float>>(x, y, n); break;
            case CpuVariant.Avx2: Square<Simd256, Vector256<float>>(x, y, n); break;
            case CpuVariant.Vector128: Square<Simd128, Vector128<float>>(x, y, n); break;
            default: Square<SimdScalar, float>(x, y, n); break;
        }
    }

    /// <summary>y = x^0.5 as C's pow computes it: √x, except (−∞)^0.5 = +∞ and (−0)^0.5 = +0.</summary>
    public static void Sqrt(CpuVariant variant, float* x, float* y, long n)
    {
        switch (variant)
        {
            case CpuVariant.Avx512: Sqrt<Simd512, Vector512<float>>(x, y, n); break;
            case CpuVariant.Avx2: Sqrt<Simd256, Vector256<float>>(x, y, n); break;
            case CpuVariant.Vector128: Sqrt<Simd128, Vector128<float>>(x, y, n); break;
            default: Sqrt<SimdScalar, float>(x, y, n); break;
        }
    }

    /// <summary>The sum of n floats (vector partial sums, then the lanes).</summary>
    public static float Sum(CpuVariant variant, float* x, long n) => variant switch
    {
        CpuVariant.Avx512 => Sum<Simd512, Vector512<float>>(x, n),
        CpuVariant.Avx2 => Sum<Simd256, Vector256<float>>(x, n),
        CpuVariant.Vector128 => Sum<Simd128, Vector128<float>>(x, n),
        _ => Sum<SimdScalar, float>(x, n),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Square<TS, TV>(float* x, float* y, long n) where TS : ISimd<TV> where TV : struct
    {
        long i = 0;
        for (; i <= n - TS.Count; i += TS.Count)
        {
            var v = TS.Load(x + i);
            TS.Store(y + i, TS.Multiply(v, v));
        }
        for (; i < n; i++) y[i] = x[i] * x[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sqrt<TS, TV>(float* x, float* y, long n) where TS : ISimd<TV> where TV : struct
    {
        long i = 0;
        TV lowest = TS.Splat(-float.MaxValue), inf = TS.Splat(float.PositiveInfinity), zero = TS.Zero;
        for (; i <= n - TS.Count; i += TS.Count)
        {
            var v = TS.Load(x + i);
            TS.Store(y + i, TS.Add(TS.SelectLess(v, lowest, inf, TS.Sqrt(v)), zero));
        }
        for (; i < n; i++) y[i] = x[i] == float.NegativeInfinity ? float.PositiveInfinity : MathF.Sqrt(x[i]) + 0f;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Sum<TS, TV>(float* x, long n) where TS : ISimd<TV> where TV : struct
    {
        long i = 0;
        TV s0 = TS.Zero, s1 = TS.Zero;
        for (; i <= n - 2 * TS.Count; i += 2 * TS.Count)
        {
            s0 = TS.Add(s0, TS.Load(x + i));
            s1 = TS.Add(s1, TS.Load(x + i + TS.Count));
        }
        for (; i <= n - TS.Count; i += TS.Count) s0 = TS.Add(s0, TS.Load(x + i));
        float s = TS.Sum(TS.Add(s0, s1));
        for (; i < n; i++) s += x[i];
        return s;
    }
}

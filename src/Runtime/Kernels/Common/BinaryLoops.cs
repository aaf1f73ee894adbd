using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The broadcasting loop of every binary elementwise operator, written once. The
/// innermost dimension runs as a tight loop; outer dimensions advance an index counter.</summary>
public static class BinaryLoops
{
    /// <summary>Sizes <paramref name="y"/> to the broadcast shape of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static void AllocateBroadcast(Tensor a, Tensor b, Tensor y, DataType type)
    {
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        int rank = Broadcast.Shape(a.Shape, b.Shape, shape);
        y.Allocate(type, shape[..rank]);
    }

    public static void Apply<T, TOp>(Tensor a, Tensor b, Tensor y) where T : unmanaged, INumber<T> where TOp : INumericBinary
    {
        AllocateBroadcast(a, b, y, a.Type);
        Map<T, T, BinaryAdapter<T, TOp>>(a.ReadOnlySpan<T>(), a.Shape, b.ReadOnlySpan<T>(), b.Shape, y.Span<T>(), y.Shape);
    }

    public static void Compare<T, TOp>(Tensor a, Tensor b, Tensor y) where T : unmanaged, INumber<T> where TOp : INumericPredicate
    {
        AllocateBroadcast(a, b, y, DataType.Bool);
        Map<T, bool, PredicateAdapter<T, TOp>>(a.ReadOnlySpan<T>(), a.Shape, b.ReadOnlySpan<T>(), b.Shape, y.Span<bool>(), y.Shape);
    }

    /// <summary>A binary function from two TIn to a TOut.</summary>
    public interface IMap<TIn, TOut>
    {
        static abstract TOut Apply(TIn a, TIn b);
    }

    public readonly struct BinaryAdapter<T, TOp> : IMap<T, T> where T : INumber<T> where TOp : INumericBinary
    {
        public static T Apply(T a, T b) => TOp.Apply(a, b);
    }

    public readonly struct PredicateAdapter<T, TOp> : IMap<T, bool> where T : INumber<T> where TOp : INumericPredicate
    {
        public static bool Apply(T a, T b) => TOp.Apply(a, b);
    }

    /// <summary>Applies <typeparamref name="TF"/> over broadcast inputs into <paramref name="y"/> (already sized).</summary>
    public static void Map<TIn, TOut, TF>(ReadOnlySpan<TIn> a, ReadOnlySpan<long> aShape, ReadOnlySpan<TIn> b, ReadOnlySpan<long> bShape, Span<TOut> y, ReadOnlySpan<long> yShape)
        where TF : IMap<TIn, TOut>
    {
        int n = y.Length;
        if (n == 0) return;
        if (a.Length == n && b.Length == n)
        {
            for (int i = 0; i < n; i++) y[i] = TF.Apply(a[i], b[i]);
            return;
        }
        if (b.Length == 1 && a.Length == n)
        {
            var bv = b[0];
            for (int i = 0; i < n; i++) y[i] = TF.Apply(a[i], bv);
            return;
        }
        if (a.Length == 1 && b.Length == n)
        {
            var av = a[0];
            for (int i = 0; i < n; i++) y[i] = TF.Apply(av, b[i]);
            return;
        }
        int rank = yShape.Length;
        Span<long> sa = stackalloc long[rank];
        Span<long> sb = stackalloc long[rank];
        Span<long> index = stackalloc long[rank];
        Broadcast.Strides(aShape, yShape, sa);
        Broadcast.Strides(bShape, yShape, sb);
        index.Clear();
        long inner = yShape[rank - 1];
        long ia = sa[rank - 1], ib = sb[rank - 1];
        long offA = 0, offB = 0;
        for (int o = 0; o < n; o += (int)inner)
        {
            long pa = offA, pb = offB;
            for (long i = 0; i < inner; i++)
            {
                y[o + (int)i] = TF.Apply(a[(int)pa], b[(int)pb]);
                pa += ia;
                pb += ib;
            }
            // Advance the outer index (all dimensions but the last).
            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                offA += sa[d];
                offB += sb[d];
                if (index[d] < yShape[d]) break;
                offA -= sa[d] * yShape[d];
                offB -= sb[d] * yShape[d];
                index[d] = 0;
            }
        }
    }
}

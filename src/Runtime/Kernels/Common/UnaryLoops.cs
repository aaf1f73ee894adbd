using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>The loop of every unary elementwise operator, written once.</summary>
public static class UnaryLoops
{
    /// <summary>A function from TIn to TOut.</summary>
    public interface IMap<TIn, TOut>
    {
        static abstract TOut Apply(TIn x);
    }

    public static void Map<TIn, TOut, TF>(ReadOnlySpan<TIn> x, Span<TOut> y) where TF : IMap<TIn, TOut>
    {
        for (int i = 0; i < y.Length; i++) y[i] = TF.Apply(x[i]);
    }

    public readonly struct FloatAdapter<T, TOp> : IMap<T, T> where T : System.Numerics.IFloatingPointIeee754<T> where TOp : IFloatUnary
    {
        public static T Apply(T x) => TOp.Apply(x);
    }

    public readonly struct NumericAdapter<T, TOp> : IMap<T, T> where T : System.Numerics.INumber<T> where TOp : INumericUnary
    {
        public static T Apply(T x) => TOp.Apply(x);
    }

    /// <summary>float16 computed in float32 and rounded once, as ONNX Runtime does.</summary>
    public readonly struct HalfFloatAdapter<TOp> : IMap<Half, Half> where TOp : IFloatUnary
    {
        public static Half Apply(Half x) => (Half)TOp.Apply((float)x);
    }

    public readonly struct BFloat16FloatAdapter<TOp> : IMap<ushort, ushort> where TOp : IFloatUnary
    {
        public static ushort Apply(ushort x) => BFloat16.FromSingle(TOp.Apply(BFloat16.ToSingle(x)));
    }

    public readonly struct BFloat16NumericAdapter<TOp> : IMap<ushort, ushort> where TOp : INumericUnary
    {
        public static ushort Apply(ushort x) => BFloat16.FromSingle(TOp.Apply(BFloat16.ToSingle(x)));
    }
}

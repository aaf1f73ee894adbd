namespace EdgeML.Runtime.Kernels.Simd;

/// <summary>
/// The float operations vectorised kernels are written against, once, for every vector width:
/// <see cref="Simd512"/>, <see cref="Simd256"/>, <see cref="Simd128"/> wrap Vector512/256/128 and
/// <see cref="SimdScalar"/> is a one-lane "vector" for the scalar variant. Kernels are generic over
/// a struct implementing this interface, so the JIT compiles one specialised copy per width with
/// every call inlined. <typeparamref name="TV"/> is the vector type.
/// </summary>
internal unsafe interface ISimd<TV> where TV : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }
    static abstract TV Zero { get; }
    static abstract TV Splat(float value);
    static abstract TV Load(float* p);
    static abstract void Store(float* p, TV v);
    /// <summary>Stores the first <paramref name="count"/> lanes (0 &lt; count ≤ Count), touching no memory
    /// past them: a masked store, not a spill to scalars (which stalls store forwarding).</summary>
    static abstract void StorePartial(float* p, TV v, int count);
    static abstract TV Add(TV a, TV b);
    static abstract TV Subtract(TV a, TV b);
    static abstract TV Multiply(TV a, TV b);
    static abstract TV Divide(TV a, TV b);
    /// <summary>a · b + c (fused where the hardware fuses).</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);
    /// <summary>The larger lane, as the hardware computes it (NaN handling is platform-defined).</summary>
    static abstract TV Max(TV a, TV b);
    static abstract TV Min(TV a, TV b);
    /// <summary>Lanes where a &gt; b select <paramref name="ifTrue"/>, others <paramref name="ifFalse"/>.</summary>
    static abstract TV SelectGreater(TV a, TV b, TV ifTrue, TV ifFalse);
    /// <summary>Lanes where a &lt; b select <paramref name="ifTrue"/>, others <paramref name="ifFalse"/>.</summary>
    static abstract TV SelectLess(TV a, TV b, TV ifTrue, TV ifFalse);
    /// <summary>Lanes where <paramref name="test"/> is NaN select <paramref name="ifTrue"/>, others <paramref name="ifFalse"/>.</summary>
    static abstract TV SelectNaN(TV test, TV ifTrue, TV ifFalse);
    static abstract TV Exp(TV x);
    static abstract TV Sqrt(TV x);
    /// <summary>Sum of the lanes.</summary>
    static abstract float Sum(TV v);
    /// <summary>Largest lane.</summary>
    static abstract float MaxAcross(TV v);
    /// <summary>Splits 2·Count consecutive floats (a followed by b) into their even and odd lanes:
    /// even[i] = lane 2i, odd[i] = lane 2i+1 (stride-2 phases, pairs of a window 2 at stride 2).</summary>
    static abstract void Deinterleave(TV a, TV b, out TV even, out TV odd);
}

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>A compile-time count of vectors per tile row: micro-kernels are generic over it so the
/// JIT compiles one copy per width with the unused accumulators removed.</summary>
internal interface IVectorCount
{
    static abstract int Count { get; }
}

internal readonly struct One : IVectorCount { public static int Count => 1; }
internal readonly struct Two : IVectorCount { public static int Count => 2; }
internal readonly struct Three : IVectorCount { public static int Count => 3; }
internal readonly struct Four : IVectorCount { public static int Count => 4; }

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>A compile-time count (vectors per tile row, rows per tile): micro-kernels are generic over
/// it so the JIT compiles one copy per shape with the unused accumulators removed.</summary>
internal interface IVectorCount
{
    static abstract int Count { get; }
}

internal readonly struct One : IVectorCount { public static int Count => 1; }
internal readonly struct Two : IVectorCount { public static int Count => 2; }
internal readonly struct Three : IVectorCount { public static int Count => 3; }
internal readonly struct Four : IVectorCount { public static int Count => 4; }
internal readonly struct Five : IVectorCount { public static int Count => 5; }
internal readonly struct Six : IVectorCount { public static int Count => 6; }

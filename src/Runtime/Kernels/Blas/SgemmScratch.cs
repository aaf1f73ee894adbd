using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Blas;

/// <summary>Packing buffers of the SGEMM, one set per thread (kernels of a session run one after
/// another on one thread): grown on first use to the largest block, then reused, so multiplying
/// allocates nothing after the first run.</summary>
internal static unsafe class SgemmScratch
{
    [ThreadStatic] private static NativeBuffer? t_a;
    [ThreadStatic] private static NativeBuffer? t_b;

    public static float* A(long floats) => (float*)(t_a ??= new NativeBuffer()).Ensure(floats * sizeof(float));
    public static float* B(long floats) => (float*)(t_b ??= new NativeBuffer()).Ensure(floats * sizeof(float));
}

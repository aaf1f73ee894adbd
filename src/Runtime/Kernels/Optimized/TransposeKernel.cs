using System.Runtime.CompilerServices;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast Transpose for element types of 1, 2, 4 or 8 bytes: walks the output in order, the innermost
/// output axis as a strided read of the input, with no index map. Output dimension i is input
/// dimension perm[i] (default: reversed), as in the reference. Other types run the reference kernel.
/// </summary>
internal sealed unsafe class TransposeKernel : Kernel
{
    private readonly Kernel _reference;
    private readonly long[]? _perm;

    private TransposeKernel(Kernel reference, long[]? perm)
    {
        _reference = reference;
        _perm = perm;
    }

    public static Kernel? Create(KernelInfo info, CpuVariant variant) => new TransposeKernel(Reference.Transpose.Create(info), info.Attributes.GetIntsOrNull("perm"));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        int rank = x.Rank;
        // Whole-byte element types only (not strings, not 4-bit packed types).
        long size = x.Kind == ValueKind.Tensor && x.Type != DataType.String ? DataTypeInfo.ByteSize(x.Type, 1) : 0;
        bool wholeBytes = size is 1 or 2 or 4 or 8 && DataTypeInfo.ByteSize(x.Type, 2) == 2 * size;
        if (!wholeBytes || rank == 0 || rank > Broadcast.MaxRank || (_perm != null && _perm.Length != rank))
        {
            _reference.Execute(context);
            return;
        }
        Span<long> inStrides = stackalloc long[rank];
        Broadcast.DenseStrides(x.Shape, inStrides);
        Span<long> shape = stackalloc long[rank];
        Span<long> strides = stackalloc long[rank];
        Span<bool> used = stackalloc bool[rank];
        used.Clear();
        for (int i = 0; i < rank; i++)
        {
            long p = _perm != null ? _perm[i] : rank - 1 - i;
            if (p < 0) p += rank;
            if (p < 0 || p >= rank || used[(int)p])
            {
                _reference.Execute(context); // reports the error
                return;
            }
            used[(int)p] = true;
            shape[i] = x.Dim((int)p);
            strides[i] = inStrides[(int)p];
        }
        var y = context.Output(0);
        y.Allocate(x.Type, shape);
        if (y.Length == 0) return;
        switch (size)
        {
            case 1: Copy<byte>((byte*)x.Pointer, (byte*)y.Pointer, shape, strides, y.Length); break;
            case 2: Copy<ushort>((ushort*)x.Pointer, (ushort*)y.Pointer, shape, strides, y.Length); break;
            case 4: Copy<uint>((uint*)x.Pointer, (uint*)y.Pointer, shape, strides, y.Length); break;
            default: Copy<ulong>((ulong*)x.Pointer, (ulong*)y.Pointer, shape, strides, y.Length); break;
        }
    }

    private static void Copy<T>(T* x, T* y, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long count) where T : unmanaged
    {
        int rank = shape.Length;
        long inner = shape[rank - 1], step = strides[rank - 1];
        Span<long> index = stackalloc long[rank];
        index.Clear();
        long offset = 0;
        for (long o = 0; o < count; o += inner)
        {
            T* src = x + offset;
            T* dst = y + o;
            if (step == 1) Buffer.MemoryCopy(src, dst, inner * sizeof(T), inner * sizeof(T));
            else for (long i = 0; i < inner; i++) dst[i] = src[i * step];
            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                offset += strides[d];
                if (index[d] < shape[d]) break;
                offset -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
    }
}

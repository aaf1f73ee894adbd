using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Scratch memory of a kernel, typed at use: a byte array that grows once and is then
/// reused, so a generic kernel can hold temporaries of its element type without allocating per run.</summary>
public sealed class ScratchBuffer
{
    private byte[] _bytes = [];

    /// <summary>A span of <paramref name="count"/> elements (contents undefined).</summary>
    public Span<T> Get<T>(long count) where T : unmanaged
    {
        long bytes = count * Unsafe.SizeOf<T>();
        if (_bytes.Length < bytes) _bytes = new byte[bytes];
        return MemoryMarshal.Cast<byte, T>(_bytes.AsSpan(0, (int)bytes));
    }
}

using System.Runtime.InteropServices;

namespace EdgeML.Runtime.Tensors;

/// <summary>A 64-byte-aligned block of native memory that only grows. Used for the arena and for
/// tensors whose size is not known to the memory plan; grown once, then reused every run.</summary>
public sealed unsafe class NativeBuffer : IDisposable
{
    public const int Alignment = 64;
    private byte* _pointer;

    public long Capacity { get; private set; }
    public byte* Pointer => _pointer;

    public NativeBuffer(long bytes = 0)
    {
        if (bytes > 0) Grow(bytes);
    }

    /// <summary>Ensures at least <paramref name="bytes"/> of capacity; old contents are not kept.</summary>
    public byte* Ensure(long bytes)
    {
        if (bytes > Capacity) Grow(bytes);
        return _pointer;
    }

    private void Grow(long bytes)
    {
        if (_pointer != null) NativeMemory.AlignedFree(_pointer);
        _pointer = null;
        Capacity = 0;
        long rounded = (bytes + Alignment - 1) & ~(long)(Alignment - 1);
        try
        {
            _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)rounded, Alignment);
        }
        catch (OutOfMemoryException e)
        {
            throw new EdgeMLException($"cannot allocate {rounded:N0} bytes", e);
        }
        NativeMemory.Clear(_pointer, (nuint)rounded);
        Capacity = rounded;
    }

    public void Dispose()
    {
        if (_pointer != null) NativeMemory.AlignedFree(_pointer);
        _pointer = null;
        Capacity = 0;
        GC.SuppressFinalize(this);
    }

    ~NativeBuffer()
    {
        if (_pointer != null) NativeMemory.AlignedFree(_pointer);
    }
}

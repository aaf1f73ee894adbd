using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Model;

/// <summary>
/// Constant tensor data: an initializer or a tensor attribute. The bytes are either a view into
/// the model image (a memory-mapped .edgeml, used in place) or a pinned managed array (a model
/// built in memory by the compiler). Strings are kept as managed strings.
/// </summary>
public sealed unsafe class ConstantTensor
{
    private readonly byte[]? _pinned;

    public DataType Type { get; }
    public long[] Shape { get; }
    public byte* Pointer { get; }
    public long ByteLength { get; }
    public string[]? Strings { get; }

    /// <summary>A view into memory that the caller keeps alive (the model image).</summary>
    public ConstantTensor(DataType type, long[] shape, byte* pointer, long byteLength, string[]? strings = null)
    {
        Type = type;
        Shape = shape;
        Pointer = pointer;
        ByteLength = byteLength;
        Strings = strings;
    }

    /// <summary>Copies <paramref name="bytes"/> into a pinned array owned by this constant.</summary>
    public ConstantTensor(DataType type, long[] shape, ReadOnlySpan<byte> bytes)
    {
        Type = type;
        Shape = shape;
        _pinned = GC.AllocateUninitializedArray<byte>(Math.Max(bytes.Length, 1), pinned: true);
        bytes.CopyTo(_pinned);
        fixed (byte* p = _pinned) Pointer = p;
        ByteLength = bytes.Length;
    }

    /// <summary>A string tensor.</summary>
    public ConstantTensor(long[] shape, string[] strings)
    {
        Type = DataType.String;
        Shape = shape;
        Strings = strings;
    }

    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var d in Shape) n *= d;
            return n;
        }
    }

    public ReadOnlySpan<byte> Bytes => new(Pointer, checked((int)ByteLength));

    public ReadOnlySpan<T> Span<T>() where T : unmanaged => new(Pointer, checked((int)(ByteLength / sizeof(T))));

    /// <summary>Creates a constant from typed values.</summary>
    public static ConstantTensor From<T>(DataType type, long[] shape, ReadOnlySpan<T> values) where T : unmanaged
        => new(type, shape, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));

    /// <summary>Copies a run-time tensor into a new constant.</summary>
    public static ConstantTensor FromTensor(Tensor t)
    {
        if (t.Type == DataType.String) return new ConstantTensor(t.Shape.ToArray(), t.Strings.ToArray());
        return new ConstantTensor(t.Type, t.Shape.ToArray(), t.Bytes);
    }
}

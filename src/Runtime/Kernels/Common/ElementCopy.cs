using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// Moves elements of any type (strings, bool, every numeric type, 4- and 2-bit packed types)
/// between tensors of the same element type, for the data-movement kernels (Concat, Gather,
/// Transpose, Pad, ...). Indices are element indices, never byte offsets. None allocates.
/// </summary>
public static unsafe class ElementCopy
{
    /// <summary>Copies <paramref name="count"/> consecutive elements of <paramref name="src"/> from
    /// <paramref name="srcIndex"/> into <paramref name="dst"/> at <paramref name="dstIndex"/>.</summary>
    public static void Copy(Tensor src, long srcIndex, Tensor dst, long dstIndex, long count)
    {
        if (count <= 0) return;
        if (src.Type == DataType.String)
        {
            src.Strings.Slice((int)srcIndex, (int)count).CopyTo(dst.Strings.Slice((int)dstIndex, (int)count));
            return;
        }
        int bits = DataTypeInfo.BitsPerElement(src.Type);
        if (bits >= 8)
        {
            long size = bits / 8;
            Buffer.MemoryCopy(src.Pointer + srcIndex * size, dst.Pointer + dstIndex * size, dst.ByteLength - dstIndex * size, count * size);
            return;
        }
        for (long k = 0; k < count; k++) SetPacked(dst, dstIndex + k, GetPacked(src, srcIndex + k));
    }

    /// <summary>Copies every element of <paramref name="src"/> into <paramref name="dst"/> (already sized).</summary>
    public static void CopyAll(Tensor src, Tensor dst) => Copy(src, 0, dst, 0, src.Length);

    /// <summary>Gathers by an index map: dst[j] = src[map[j]] for every j with map[j] &gt;= 0;
    /// elements whose map entry is negative are left as they are (a fill value written before).</summary>
    public static void Gather(Tensor src, ReadOnlySpan<int> map, Tensor dst)
    {
        if (src.Type == DataType.String)
        {
            GatherTyped<string>(src.Strings, map, dst.Strings);
            return;
        }
        switch (DataTypeInfo.BitsPerElement(src.Type))
        {
            case 8: GatherTyped<byte>(src.ReadOnlySpan<byte>(), map, dst.Span<byte>()); break;
            case 16: GatherTyped<ushort>(src.ReadOnlySpan<ushort>(), map, dst.Span<ushort>()); break;
            case 32: GatherTyped<uint>(src.ReadOnlySpan<uint>(), map, dst.Span<uint>()); break;
            case 64: GatherTyped<ulong>(src.ReadOnlySpan<ulong>(), map, dst.Span<ulong>()); break;
            case 128: GatherTyped<Int128>(src.ReadOnlySpan<Int128>(), map, dst.Span<Int128>()); break;
            case 4 or 2:
                for (int j = 0; j < map.Length; j++) if (map[j] >= 0) SetPacked(dst, j, GetPacked(src, map[j]));
                break;
            default: throw new EdgeMLException($"'{src.Name}': element type {DataTypeInfo.Name(src.Type)} cannot be moved");
        }
    }

    private static void GatherTyped<T>(ReadOnlySpan<T> src, ReadOnlySpan<int> map, Span<T> dst)
    {
        for (int j = 0; j < map.Length; j++)
        {
            int i = map[j];
            if (i >= 0) dst[j] = src[i];
        }
    }

    /// <summary>Sets every element of <paramref name="dst"/> to element <paramref name="index"/> of <paramref name="value"/>.</summary>
    public static void Fill(Tensor dst, Tensor value, long index)
    {
        if (dst.Length == 0) return;
        if (value.Type != dst.Type) throw new EdgeMLException($"'{value.Name}' is {DataTypeInfo.Name(value.Type)}, expected {DataTypeInfo.Name(dst.Type)}");
        if (dst.Type == DataType.String)
        {
            dst.Strings.Fill(value.Strings[(int)index]);
            return;
        }
        int bits = DataTypeInfo.BitsPerElement(dst.Type);
        if (bits < 8)
        {
            byte v = GetPacked(value, index);
            for (long k = 0; k < dst.Length; k++) SetPacked(dst, k, v);
            return;
        }
        FillPattern(dst.Bytes, new ReadOnlySpan<byte>(value.Pointer + index * (bits / 8), bits / 8));
    }

    /// <summary>Repeats the bytes of one element over <paramref name="dst"/>.</summary>
    public static void FillPattern(Span<byte> dst, ReadOnlySpan<byte> element)
    {
        int size = element.Length;
        bool zero = true;
        foreach (var b in element) zero &= b == 0;
        if (zero)
        {
            dst.Clear();
            return;
        }
        if (size == 1)
        {
            dst.Fill(element[0]);
            return;
        }
        for (int o = 0; o + size <= dst.Length; o += size) element.CopyTo(dst.Slice(o, size));
    }

    /// <summary>Sets every element to zero (empty strings for string tensors).</summary>
    public static void Clear(Tensor dst)
    {
        if (dst.Type == DataType.String) dst.Strings.Fill(string.Empty);
        else dst.Bytes.Clear();
    }

    /// <summary>The raw bits of element <paramref name="index"/> of a 4- or 2-bit packed tensor.</summary>
    public static byte GetPacked(Tensor t, long index)
    {
        int bits = DataTypeInfo.BitsPerElement(t.Type);
        int perByte = 8 / bits;
        int shift = (int)(index % perByte) * bits;
        return (byte)((t.Pointer[index / perByte] >> shift) & ((1 << bits) - 1));
    }

    /// <summary>Writes the raw bits of element <paramref name="index"/> of a 4- or 2-bit packed tensor.</summary>
    public static void SetPacked(Tensor t, long index, byte value)
    {
        int bits = DataTypeInfo.BitsPerElement(t.Type);
        int perByte = 8 / bits;
        int shift = (int)(index % perByte) * bits;
        int mask = ((1 << bits) - 1) << shift;
        byte* p = t.Pointer + index / perByte;
        *p = (byte)((*p & ~mask) | ((value << shift) & mask));
    }
}

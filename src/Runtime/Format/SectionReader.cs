using System.Buffers.Binary;
using System.Text;

namespace EdgeML.Runtime.Format;

/// <summary>Little-endian reads from one section with a bounds check on every read, so a corrupt
/// file ends in a one-line <see cref="EdgeMLException"/>, never an out-of-range access.</summary>
internal ref struct SectionReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _section;
    private int _pos;

    public SectionReader(ReadOnlySpan<byte> data, string section)
    {
        _data = data;
        _section = section;
        _pos = 0;
    }

    public int Position => _pos;
    public int Remaining => _data.Length - _pos;

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || n > _data.Length - _pos) throw Corrupt("truncated");
        var s = _data.Slice(_pos, n);
        _pos += n;
        return s;
    }

    public byte U8() => Take(1)[0];
    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
    public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    public float F32() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));
    public ReadOnlySpan<byte> Bytes(int n) => Take(n);

    /// <summary>Reads an element count and checks that at least <paramref name="minBytesEach"/> bytes
    /// per element remain, so a corrupt count cannot make the reader allocate gigabytes.</summary>
    public int Count(int minBytesEach)
    {
        uint n = U32();
        if (n > int.MaxValue || (long)n * Math.Max(minBytesEach, 1) > Remaining) throw Corrupt($"count {n} exceeds the section");
        return (int)n;
    }

    public string Utf8(int n)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(Take(n));
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt("invalid UTF-8 text");
        }
    }

    public EdgeMLException Corrupt(string what) => new($"corrupt .edgeml file: {_section} section: {what} (at byte {_pos})");
}

using System.Buffers.Binary;
using System.Text;

namespace EdgeML.Compiler.Emit;

/// <summary>Little-endian writes into a growing buffer: the mirror of the runtime's SectionReader.</summary>
internal sealed class SectionWriter
{
    private readonly MemoryStream _s = new();
    private readonly byte[] _tmp = new byte[8];

    public long Length => _s.Length;

    public void U8(byte v) => _s.WriteByte(v);
    public void U16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_tmp, v); _s.Write(_tmp, 0, 2); }
    public void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_tmp, v); _s.Write(_tmp, 0, 4); }
    public void I32(int v) { BinaryPrimitives.WriteInt32LittleEndian(_tmp, v); _s.Write(_tmp, 0, 4); }
    public void I64(long v) { BinaryPrimitives.WriteInt64LittleEndian(_tmp, v); _s.Write(_tmp, 0, 8); }
    public void U64(ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(_tmp, v); _s.Write(_tmp, 0, 8); }
    public void F32(float v) { BinaryPrimitives.WriteSingleLittleEndian(_tmp, v); _s.Write(_tmp, 0, 4); }
    public void Bytes(ReadOnlySpan<byte> b) => _s.Write(b);
    public void Count(int n) => U32((uint)n);
    public void Utf8(string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        Count(b.Length);
        Bytes(b);
    }

    /// <summary>Pads with zeros to the next multiple of <paramref name="alignment"/>.</summary>
    public void Pad(int alignment)
    {
        while (_s.Length % alignment != 0) _s.WriteByte(0);
    }

    public byte[] ToArray() => _s.ToArray();
}

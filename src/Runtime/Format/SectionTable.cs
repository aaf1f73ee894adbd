using System.Buffers.Binary;

namespace EdgeML.Runtime.Format;

/// <summary>One entry of a .edgeml section table.</summary>
public readonly record struct SectionEntry(SectionKind Kind, uint Flags, long Offset, long Size, ulong Hash);

/// <summary>Reads the section table of a .edgeml file for display (inspect); loading a model
/// validates it fully through <see cref="ModelReader"/>.</summary>
public static class SectionTable
{
    public static List<SectionEntry> Read(string path)
    {
        using var f = File.OpenRead(path);
        return Read(f, path);
    }

    public static List<SectionEntry> Read(Stream f, string path)
    {
        var header = new byte[FormatConstants.HeaderSize];
        f.ReadExactly(header);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16));
        uint tableOffset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
        if (count > FormatConstants.MaxSections) throw new EdgeMLException($"{path}: corrupt .edgeml file: {count} sections");
        var table = new byte[count * FormatConstants.SectionEntrySize];
        f.Seek(tableOffset, SeekOrigin.Begin);
        f.ReadExactly(table);
        var list = new List<SectionEntry>();
        for (int i = 0; i < count; i++)
        {
            var e = table.AsSpan(i * FormatConstants.SectionEntrySize);
            list.Add(new SectionEntry((SectionKind)BinaryPrimitives.ReadUInt32LittleEndian(e), BinaryPrimitives.ReadUInt32LittleEndian(e[4..]),
                (long)BinaryPrimitives.ReadUInt64LittleEndian(e[8..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(e[16..]), BinaryPrimitives.ReadUInt64LittleEndian(e[24..])));
        }
        return list;
    }
}

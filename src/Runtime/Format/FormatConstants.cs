namespace EdgeML.Runtime.Format;

/// <summary>Fixed numbers of the .edgeml layout (docs/format.md).</summary>
public static class FormatConstants
{
    /// <summary>"EDGEML", a NUL and a Ctrl-Z: text tools stop there, and a byte-mangling transfer shows.</summary>
    public static ReadOnlySpan<byte> Magic => "EDGEML\0\u001A"u8;
    public const ushort MajorVersion = 1;
    public const ushort MinorVersion = 0;
    public const int HeaderSize = 64;
    public const int SectionEntrySize = 32;
    public const int SectionAlignment = 64;
    /// <summary>Alignment of constants smaller than <see cref="SectionAlignment"/> in the Weights section
    /// (the largest element size, complex128).</summary>
    public const int SmallConstantAlignment = 16;
    public const int HeaderChecksumOffset = 32;
    public const int MaxSections = 64;
    /// <summary>Sections at or above this kind are optional extensions.</summary>
    public const uint FirstExtensionKind = 16;

    // Value flags in the Values section.
    public const byte ValueHasShape = 1;
    public const byte ValueIsConstant = 2;
    public const byte ValueHasQuantization = 4;

    public const uint NoString = uint.MaxValue;

    public static long Align(long offset) => (offset + SectionAlignment - 1) & ~(long)(SectionAlignment - 1);
}

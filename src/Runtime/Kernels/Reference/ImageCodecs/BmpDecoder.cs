using System.Buffers.Binary;

namespace EdgeML.Runtime.Kernels.Reference.ImageCodecs;

/// <summary>BMP: uncompressed 1-, 4-, 8-bit (palette), 16-bit (5-5-5 or bit fields), 24- and 32-bit
/// images, bottom-up or top-down, with any of the common header versions.</summary>
internal static class BmpDecoder
{
    private const string Format = "BMP";

    public static bool Matches(ReadOnlySpan<byte> d) => d.Length >= 26 && d[0] == 'B' && d[1] == 'M';

    public static void Decode(ReadOnlySpan<byte> d, DecodedImage image)
    {
        int pixelOffset = BinaryPrimitives.ReadInt32LittleEndian(d[10..]);
        int headerSize = BinaryPrimitives.ReadInt32LittleEndian(d[14..]);
        int width, height, bits, compression = 0, colorsUsed = 0;
        uint rMask = 0x7C00, gMask = 0x03E0, bMask = 0x001F;
        if (headerSize == 12)
        {
            width = BinaryPrimitives.ReadInt16LittleEndian(d[18..]);
            height = BinaryPrimitives.ReadInt16LittleEndian(d[20..]);
            bits = BinaryPrimitives.ReadInt16LittleEndian(d[24..]);
        }
        else
        {
            if (headerSize < 40 || d.Length < 14 + headerSize) throw DecodedImage.Error(Format, $"header size {headerSize} is not supported");
            width = BinaryPrimitives.ReadInt32LittleEndian(d[18..]);
            height = BinaryPrimitives.ReadInt32LittleEndian(d[22..]);
            bits = BinaryPrimitives.ReadInt16LittleEndian(d[28..]);
            compression = BinaryPrimitives.ReadInt32LittleEndian(d[30..]);
            colorsUsed = BinaryPrimitives.ReadInt32LittleEndian(d[46..]);
        }
        if (compression == 3 && bits is 16 or 32)
        {
            int maskAt = headerSize >= 52 ? 54 : 14 + headerSize; // V4/V5 headers hold the masks; else they follow the header
            rMask = BinaryPrimitives.ReadUInt32LittleEndian(d[maskAt..]);
            gMask = BinaryPrimitives.ReadUInt32LittleEndian(d[(maskAt + 4)..]);
            bMask = BinaryPrimitives.ReadUInt32LittleEndian(d[(maskAt + 8)..]);
        }
        else if (compression != 0) throw DecodedImage.Error(Format, $"compression {compression} is not supported");
        if (bits is not (1 or 4 or 8 or 16 or 24 or 32)) throw DecodedImage.Error(Format, $"{bits} bits per pixel is not supported");
        bool topDown = height < 0;
        height = Math.Abs(height);
        image.Resize(width, height, 3);
        int paletteAt = 14 + headerSize + (compression == 3 && headerSize < 52 ? 12 : 0);
        int entrySize = headerSize == 12 ? 3 : 4;
        int stride = (width * bits + 31) / 32 * 4;
        if ((long)pixelOffset + (long)stride * height > d.Length) throw DecodedImage.Error(Format, "pixel data is truncated");
        var pixels = image.Pixels;
        int paletteSize = bits <= 8 ? (colorsUsed > 0 ? colorsUsed : 1 << bits) : 0;
        for (int y = 0; y < height; y++)
        {
            var row = d.Slice(pixelOffset + (topDown ? y : height - 1 - y) * stride, stride);
            for (int x = 0; x < width; x++)
            {
                int at = (y * width + x) * 3;
                byte r, g, b;
                switch (bits)
                {
                    case 24: b = row[x * 3]; g = row[x * 3 + 1]; r = row[x * 3 + 2]; break;
                    case 32 when compression == 0: b = row[x * 4]; g = row[x * 4 + 1]; r = row[x * 4 + 2]; break;
                    case 32 or 16:
                        uint v = bits == 32 ? BinaryPrimitives.ReadUInt32LittleEndian(row[(x * 4)..]) : BinaryPrimitives.ReadUInt16LittleEndian(row[(x * 2)..]);
                        r = Field(v, rMask); g = Field(v, gMask); b = Field(v, bMask);
                        break;
                    default:
                        int perByte = 8 / bits;
                        int index = (row[x / perByte] >> (8 - bits * (x % perByte + 1))) & ((1 << bits) - 1);
                        if (index >= paletteSize) throw DecodedImage.Error(Format, $"palette index {index} is out of range");
                        int p = paletteAt + index * entrySize;
                        b = d[p]; g = d[p + 1]; r = d[p + 2];
                        break;
                }
                pixels[at] = r;
                pixels[at + 1] = g;
                pixels[at + 2] = b;
            }
        }
    }

    /// <summary>The field of <paramref name="v"/> under <paramref name="mask"/>, scaled to 8 bits.</summary>
    private static byte Field(uint v, uint mask)
    {
        if (mask == 0) return 0;
        int shift = System.Numerics.BitOperations.TrailingZeroCount(mask);
        uint max = mask >> shift;
        uint value = (v & mask) >> shift;
        return (byte)((value * 255 + max / 2) / max);
    }
}

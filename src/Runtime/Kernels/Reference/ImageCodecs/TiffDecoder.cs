using System.Buffers.Binary;

namespace EdgeML.Runtime.Kernels.Reference.ImageCodecs;

/// <summary>
/// TIFF (the first image): strips, chunky samples of 1, 8 or 16 bits, photometric white-is-zero,
/// black-is-zero, RGB (extra samples such as alpha are dropped) and palette; uncompressed,
/// PackBits, LZW and Deflate compression, with the horizontal predictor. Tiles and planar
/// configuration 2 are rejected.
/// </summary>
internal sealed class TiffDecoder
{
    private const string Format = "TIFF";
    private readonly Inflate _inflate = new();
    private byte[] _strip = [];
    private byte[] _samples = [];
    private readonly ushort[] _colorMap = new ushort[3 * 65536];
    private readonly byte[][] _lzwTable = new byte[4096][];
    private readonly int[] _lzwLength = new int[4096];

    public static bool Matches(ReadOnlySpan<byte> d) => d.Length >= 8 && ((d[0] == 'I' && d[1] == 'I' && d[2] == 42 && d[3] == 0) || (d[0] == 'M' && d[1] == 'M' && d[2] == 0 && d[3] == 42));

    public void Decode(ReadOnlySpan<byte> d, DecodedImage image)
    {
        bool little = d[0] == 'I';
        int ifd = (int)U32(d, little, 4);
        if (ifd < 8 || ifd + 2 > d.Length) throw DecodedImage.Error(Format, "the image directory offset is not valid");
        int entries = (int)U16(d, little, ifd);
        int width = 0, height = 0, bits = 1, compression = 1, photometric = -1, samplesPerPixel = 1, predictor = 1, planar = 1;
        int rowsPerStrip = int.MaxValue;
        int offsetsAt = -1, offsetsCount = 0, offsetsType = 4, countsAt = -1, countsType = 4, colorMapAt = -1, colorMapCount = 0;
        for (int e = 0; e < entries; e++)
        {
            int at = ifd + 2 + e * 12;
            if (at + 12 > d.Length) throw DecodedImage.Error(Format, "the image directory is truncated");
            int tag = (int)U16(d, little, at), type = (int)U16(d, little, at + 2), count = (int)U32(d, little, at + 4);
            int size = type switch { 1 or 2 or 6 or 7 => 1, 3 or 8 => 2, 4 or 9 or 11 => 4, _ => 8 };
            int valueAt = (long)size * count <= 4 ? at + 8 : (int)U32(d, little, at + 8);
            int first = type == 3 ? (int)U16(d, little, valueAt) : type is 1 or 7 ? d[valueAt] : (int)U32(d, little, valueAt);
            switch (tag)
            {
                case 256: width = first; break;
                case 257: height = first; break;
                case 258: bits = first; break;
                case 259: compression = first; break;
                case 262: photometric = first; break;
                case 273: offsetsAt = valueAt; offsetsCount = count; offsetsType = type; break;
                case 277: samplesPerPixel = first; break;
                case 278: rowsPerStrip = first; break;
                case 279: countsAt = valueAt; countsType = type; break;
                case 284: planar = first; break;
                case 317: predictor = first; break;
                case 320: colorMapAt = valueAt; colorMapCount = count; break;
                case 322: throw DecodedImage.Error(Format, "tiled images are not supported");
            }
        }
        if (offsetsAt < 0 || countsAt < 0) throw DecodedImage.Error(Format, "strip offsets or byte counts are missing");
        if (planar != 1) throw DecodedImage.Error(Format, "planar configuration 2 is not supported");
        if (bits is not (1 or 8 or 16)) throw DecodedImage.Error(Format, $"{bits} bits per sample is not supported");
        if (photometric is < 0 or > 3) throw DecodedImage.Error(Format, $"photometric interpretation {photometric} is not supported");
        if (photometric == 2 && samplesPerPixel < 3) throw DecodedImage.Error(Format, "an RGB image needs 3 samples per pixel");
        if (photometric == 3)
        {
            if (colorMapAt < 0 || colorMapCount != 3 * (1 << bits)) throw DecodedImage.Error(Format, "the palette (ColorMap) is missing or of the wrong size");
            for (int i = 0; i < colorMapCount; i++) _colorMap[i] = (ushort)U16(d, little, colorMapAt + 2 * i);
        }
        image.Resize(width, height, photometric >= 2 ? 3 : 1);
        rowsPerStrip = Math.Min(rowsPerStrip, height);

        int rowBytes = (width * samplesPerPixel * bits + 7) / 8;
        long total = (long)rowBytes * height;
        if (_samples.Length < total) _samples = new byte[total];
        int filled = 0;
        for (int s = 0; s < offsetsCount && filled < total; s++)
        {
            int offset = (int)(offsetsType == 3 ? U16(d, little, offsetsAt + 2 * s) : U32(d, little, offsetsAt + 4 * s));
            int count = (int)(countsType == 3 ? U16(d, little, countsAt + 2 * s) : U32(d, little, countsAt + 4 * s));
            if (offset < 0 || count < 0 || (long)offset + count > d.Length) throw DecodedImage.Error(Format, $"strip {s} lies outside the data");
            int expected = (int)Math.Min((long)rowBytes * rowsPerStrip, total - filled);
            var output = _samples.AsSpan(filled, expected);
            var strip = d.Slice(offset, count);
            switch (compression)
            {
                case 1: strip[..Math.Min(count, expected)].CopyTo(output); break;
                case 32773: PackBits(strip, output); break;
                case 5: Lzw(strip, output); break;
                case 8 or 32946:
                    var inflated = _inflate.Zlib(strip, Format);
                    inflated[..Math.Min(inflated.Length, expected)].CopyTo(output);
                    break;
                default: throw DecodedImage.Error(Format, $"compression {compression} is not supported");
            }
            if (predictor == 2 && bits == 8)
                for (int r = 0; r < expected / rowBytes; r++)
                {
                    var row = output.Slice(r * rowBytes, rowBytes);
                    for (int i = samplesPerPixel; i < rowBytes; i++) row[i] += row[i - samplesPerPixel];
                }
            filled += expected;
        }

        var pixels = image.Pixels;
        for (int y = 0; y < height; y++)
        {
            var row = _samples.AsSpan(y * rowBytes, rowBytes);
            for (int x = 0; x < width; x++)
            {
                int at = (y * width + x) * image.Channels;
                if (photometric == 3)
                {
                    int index = Sample(row, x * samplesPerPixel, bits, little);
                    int n = 1 << bits;
                    pixels[at] = (byte)(_colorMap[index] >> 8);
                    pixels[at + 1] = (byte)(_colorMap[n + index] >> 8);
                    pixels[at + 2] = (byte)(_colorMap[2 * n + index] >> 8);
                    continue;
                }
                for (int c = 0; c < image.Channels; c++)
                {
                    int v = Sample(row, x * samplesPerPixel + c, bits, little);
                    byte b = bits == 1 ? (byte)(v * 255) : (byte)v;
                    pixels[at + c] = photometric == 0 ? (byte)(255 - b) : b;
                }
            }
        }
    }

    private static uint U16(ReadOnlySpan<byte> d, bool little, int at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt16BigEndian(d[at..]);

    private static uint U32(ReadOnlySpan<byte> d, bool little, int at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(d[at..]) : BinaryPrimitives.ReadUInt32BigEndian(d[at..]);

    /// <summary>Sample i of a row as 8 bits (16-bit samples keep their high byte).</summary>
    private static int Sample(ReadOnlySpan<byte> row, int i, int bits, bool little) => bits switch
    {
        8 => row[i],
        16 => little ? row[2 * i + 1] : row[2 * i],
        _ => (row[i / 8] >> (7 - i % 8)) & 1,
    };

    private static void PackBits(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        int s = 0, o = 0;
        while (s < src.Length && o < dst.Length)
        {
            int n = (sbyte)src[s++];
            if (n >= 0)
            {
                for (int i = 0; i <= n && s < src.Length && o < dst.Length; i++) dst[o++] = src[s++];
            }
            else if (n != -128 && s < src.Length)
            {
                byte b = src[s++];
                for (int i = 0; i < 1 - n && o < dst.Length; i++) dst[o++] = b;
            }
        }
    }

    /// <summary>TIFF LZW: MSB-first codes of 9 to 12 bits, clear code 256, end code 257, early change.</summary>
    private void Lzw(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        for (int i = 0; i < 256; i++)
        {
            _lzwTable[i] ??= [(byte)i];
            _lzwLength[i] = 1;
        }
        int next = 258, width = 9, o = 0, previous = -1;
        long bitPos = 0;
        while (true)
        {
            if ((bitPos + width + 7) / 8 > src.Length) break;
            int code = 0;
            for (int b = 0; b < width; b++, bitPos++) code = (code << 1) | ((src[(int)(bitPos >> 3)] >> (7 - (int)(bitPos & 7))) & 1);
            if (code == 257) break;
            if (code == 256)
            {
                next = 258;
                width = 9;
                previous = -1;
                continue;
            }
            if (code > next || (code == next && previous < 0)) throw DecodedImage.Error(Format, "LZW data is corrupt");
            int start = o;
            if (code < next)
            {
                for (int i = 0; i < _lzwLength[code] && o < dst.Length; i++) dst[o++] = _lzwTable[code][i];
            }
            if (previous >= 0 && next < 4096)
            {
                int length = _lzwLength[previous] + 1;
                var entry = _lzwTable[next];
                if (entry == null || entry.Length < length) entry = _lzwTable[next] = new byte[Math.Max(length, 16)];
                _lzwTable[previous].AsSpan(0, _lzwLength[previous]).CopyTo(entry);
                entry[length - 1] = code < next ? _lzwTable[code][0] : _lzwTable[previous][0];
                _lzwLength[next] = length;
                next++;
                if (code == next - 1)
                    for (int i = 0; i < length && o < dst.Length; i++) dst[o++] = entry[i];
            }
            _ = start;
            previous = code;
            if (next + 1 >= (1 << width) && width < 12) width++;
            if (o >= dst.Length) break;
        }
    }
}

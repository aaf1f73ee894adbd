using System.Buffers.Binary;

namespace EdgeML.Runtime.Kernels.Reference.ImageCodecs;

/// <summary>
/// PNG: every colour type (gray, RGB, palette, gray + alpha, RGBA) and bit depth (1-16), the five
/// row filters and Adam7 interlacing. Alpha is dropped, 16-bit samples keep their high byte, and
/// gray samples of fewer than 8 bits are scaled to 0-255 (as Pillow does).
/// </summary>
internal sealed class PngDecoder
{
    private const string Format = "PNG";
    private readonly Inflate _inflate = new();
    private byte[] _idat = [];
    private byte[] _palette = new byte[768];
    private byte[] _previous = [], _current = [];

    public static bool Matches(ReadOnlySpan<byte> d) => d.Length >= 8 && d[0] == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';

    public void Decode(ReadOnlySpan<byte> data, DecodedImage image)
    {
        int width = 0, height = 0, depth = 0, colorType = -1, interlace = 0, idatLength = 0, paletteEntries = 0;
        int pos = 8;
        while (pos + 8 <= data.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(data[pos..]);
            var type = data.Slice(pos + 4, 4);
            if (length < 0 || pos + 12 + length > data.Length) throw DecodedImage.Error(Format, "a chunk runs past the end of the data");
            var body = data.Slice(pos + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                depth = body[8];
                colorType = body[9];
                interlace = body[12];
                if (body[10] != 0 || body[11] != 0) throw DecodedImage.Error(Format, "unknown compression or filter method");
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                paletteEntries = Math.Min(length / 3, 256);
                body[..(paletteEntries * 3)].CopyTo(_palette);
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                if (_idat.Length < idatLength + length) Array.Resize(ref _idat, Math.Max(idatLength + length, _idat.Length * 2));
                body.CopyTo(_idat.AsSpan(idatLength));
                idatLength += length;
            }
            else if (type.SequenceEqual("IEND"u8)) break;
            pos += 12 + length;
        }
        int samples = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw DecodedImage.Error(Format, $"colour type {colorType} is not valid") };
        bool validDepth = colorType switch { 0 => depth is 1 or 2 or 4 or 8 or 16, 3 => depth is 1 or 2 or 4 or 8, _ => depth is 8 or 16 };
        if (!validDepth) throw DecodedImage.Error(Format, $"bit depth {depth} is not valid for colour type {colorType}");
        if (colorType == 3 && paletteEntries == 0) throw DecodedImage.Error(Format, "palette image without a PLTE chunk");
        image.Resize(width, height, colorType is 0 or 4 ? 1 : 3);
        var raw = _inflate.Zlib(_idat.AsSpan(0, idatLength), Format);

        int bitsPerPixel = samples * depth;
        int bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        int offset = 0;
        if (interlace == 0)
        {
            Pass(raw, ref offset, width, height, 0, 0, 1, 1, bitsPerPixel, bytesPerPixel, samples, depth, colorType, image);
        }
        else
        {
            ReadOnlySpan<int> x0 = [0, 4, 0, 2, 0, 1, 0], y0 = [0, 0, 4, 0, 2, 0, 1], dx = [8, 8, 4, 4, 2, 2, 1], dy = [8, 8, 8, 4, 4, 2, 2];
            for (int p = 0; p < 7; p++)
            {
                int pw = (width - x0[p] + dx[p] - 1) / dx[p], ph = (height - y0[p] + dy[p] - 1) / dy[p];
                if (pw > 0 && ph > 0) Pass(raw, ref offset, pw, ph, x0[p], y0[p], dx[p], dy[p], bitsPerPixel, bytesPerPixel, samples, depth, colorType, image);
            }
        }
    }

    private void Pass(ReadOnlySpan<byte> raw, ref int offset, int width, int height, int x0, int y0, int dx, int dy,
        int bitsPerPixel, int bytesPerPixel, int samples, int depth, int colorType, DecodedImage image)
    {
        int stride = (width * bitsPerPixel + 7) / 8;
        if (_previous.Length < stride)
        {
            _previous = new byte[stride];
            _current = new byte[stride];
        }
        var prev = _previous.AsSpan(0, stride);
        var cur = _current.AsSpan(0, stride);
        prev.Clear();
        var pixels = image.Pixels;
        for (int y = 0; y < height; y++)
        {
            if (offset + 1 + stride > raw.Length) throw DecodedImage.Error(Format, "image data is truncated");
            int filter = raw[offset];
            raw.Slice(offset + 1, stride).CopyTo(cur);
            offset += 1 + stride;
            Unfilter(filter, cur, prev, bytesPerPixel);
            for (int x = 0; x < width; x++)
            {
                int at = ((y0 + y * dy) * image.Width + x0 + x * dx) * image.Channels;
                if (colorType == 3)
                {
                    int index = Sample(cur, x, 0, 1, depth);
                    pixels[at] = _palette[index * 3];
                    pixels[at + 1] = _palette[index * 3 + 1];
                    pixels[at + 2] = _palette[index * 3 + 2];
                    continue;
                }
                for (int c = 0; c < image.Channels; c++)
                {
                    int v = Sample(cur, x, c, samples, depth);
                    pixels[at + c] = depth switch
                    {
                        1 => (byte)(v * 255),
                        2 => (byte)(v * 85),
                        4 => (byte)(v * 17),
                        _ => (byte)v,
                    };
                }
            }
            cur.CopyTo(prev);
        }
    }

    /// <summary>Sample c of pixel x in a row; 16-bit samples give their high byte.</summary>
    private static int Sample(ReadOnlySpan<byte> row, int x, int c, int samples, int depth)
    {
        if (depth == 8) return row[x * samples + c];
        if (depth == 16) return row[(x * samples + c) * 2];
        int index = x * samples + c, perByte = 8 / depth;
        int shift = 8 - depth * (index % perByte + 1);
        return (row[index / perByte] >> shift) & ((1 << depth) - 1);
    }

    private static void Unfilter(int filter, Span<byte> cur, ReadOnlySpan<byte> prev, int bpp)
    {
        switch (filter)
        {
            case 0: break;
            case 1: for (int i = bpp; i < cur.Length; i++) cur[i] += cur[i - bpp]; break;
            case 2: for (int i = 0; i < cur.Length; i++) cur[i] += prev[i]; break;
            case 3:
                for (int i = 0; i < cur.Length; i++) cur[i] += (byte)(((i >= bpp ? cur[i - bpp] : 0) + prev[i]) >> 1);
                break;
            case 4:
                for (int i = 0; i < cur.Length; i++)
                {
                    int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    cur[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
                break;
            default: throw DecodedImage.Error(Format, $"row filter {filter} is not valid");
        }
    }
}

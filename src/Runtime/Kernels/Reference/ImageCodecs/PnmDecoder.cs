namespace EdgeML.Runtime.Kernels.Reference.ImageCodecs;

/// <summary>PNM (Netpbm): P1/P4 bitmaps, P2/P5 gray maps and P3/P6 pixel maps, ASCII or binary,
/// with any maximum value (scaled to 0-255; 16-bit binary samples are big-endian).</summary>
internal static class PnmDecoder
{
    private const string Format = "PNM";

    public static bool Matches(ReadOnlySpan<byte> d) => d.Length >= 3 && d[0] == 'P' && d[1] is >= (byte)'1' and <= (byte)'6' && IsSpace(d[2]);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;

    public static void Decode(ReadOnlySpan<byte> d, DecodedImage image)
    {
        int kind = d[1] - '0';
        int pos = 2;
        int width = Number(d, ref pos), height = Number(d, ref pos);
        int max = kind is 1 or 4 ? 1 : Number(d, ref pos);
        if (max < 1 || max > 65535) throw DecodedImage.Error(Format, $"maximum value {max} is not valid");
        pos++; // the single whitespace byte before binary data
        int channels = kind is 3 or 6 ? 3 : 1;
        image.Resize(width, height, channels);
        var pixels = image.Pixels;
        int count = width * height * channels;
        if (kind == 4)
        {
            int stride = (width + 7) / 8;
            if (pos + stride * height > d.Length) throw DecodedImage.Error(Format, "pixel data is truncated");
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    pixels[y * width + x] = (d[pos + y * stride + x / 8] & (0x80 >> (x % 8))) != 0 ? (byte)0 : (byte)255;
            return;
        }
        bool binary = kind >= 4;
        if (!binary) pos--;
        for (int i = 0; i < count; i++)
        {
            int v;
            if (!binary) v = kind == 1 ? Bit(d, ref pos) : Number(d, ref pos);
            else if (max < 256)
            {
                if (pos >= d.Length) throw DecodedImage.Error(Format, "pixel data is truncated");
                v = d[pos++];
            }
            else
            {
                if (pos + 1 >= d.Length) throw DecodedImage.Error(Format, "pixel data is truncated");
                v = (d[pos] << 8) | d[pos + 1];
                pos += 2;
            }
            if (kind == 1) pixels[i] = v == 1 ? (byte)0 : (byte)255;
            else pixels[i] = max == 255 ? (byte)Math.Min(v, 255) : (byte)((Math.Min(v, max) * 255 + max / 2) / max);
        }
    }

    private static void Skip(ReadOnlySpan<byte> d, ref int pos)
    {
        while (pos < d.Length)
        {
            if (d[pos] == '#') while (pos < d.Length && d[pos] != '\n') pos++;
            else if (IsSpace(d[pos])) pos++;
            else break;
        }
    }

    private static int Number(ReadOnlySpan<byte> d, ref int pos)
    {
        Skip(d, ref pos);
        if (pos >= d.Length || d[pos] < '0' || d[pos] > '9') throw DecodedImage.Error(Format, "header or data is malformed");
        long v = 0;
        while (pos < d.Length && d[pos] >= '0' && d[pos] <= '9')
        {
            v = v * 10 + (d[pos++] - '0');
            if (v > int.MaxValue) throw DecodedImage.Error(Format, "a number is too large");
        }
        return (int)v;
    }

    private static int Bit(ReadOnlySpan<byte> d, ref int pos)
    {
        Skip(d, ref pos);
        if (pos >= d.Length || d[pos] is not ((byte)'0' or (byte)'1')) throw DecodedImage.Error(Format, "bitmap data is malformed");
        return d[pos++] - '0';
    }
}

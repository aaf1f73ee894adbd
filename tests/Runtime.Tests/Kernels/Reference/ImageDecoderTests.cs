using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>
/// ImageDecoder on small images built here byte by byte (ONNX Runtime has no ImageDecoder; the
/// conformance data covers 8-bit RGB BMP, PNG, PNM, TIFF and baseline JPEG).
/// </summary>
public class ImageDecoderTests
{
    private static Tensor Decode(byte[] encoded, string format = "RGB")
    {
        var m = new OnnxModelBuilder(20);
        m.Graph.Input("data", DataType.UInt8, encoded.Length).Output("image", DataType.UInt8, null, null, null);
        m.Graph.Node("ImageDecoder", ["data"], ["image"]).Attr("pixel_format", format);
        return OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor> { ["data"] = OpTester.Make<byte>("data", DataType.UInt8, [encoded.Length], encoded) })[0];
    }

    private static byte[] Png(int width, int height, int depth, int colorType, byte[] filteredRows, bool storedDeflate, byte[]? palette = null)
    {
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);
        void Chunk(string type, byte[] body)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
            png.Write(length);
            png.Write(Encoding.ASCII.GetBytes(type));
            png.Write(body);
            png.Write(new byte[4]); // CRC: not checked by the decoder
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)depth;
        ihdr[9] = (byte)colorType;
        Chunk("IHDR", ihdr);
        if (palette != null) Chunk("PLTE", palette);
        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, storedDeflate ? CompressionLevel.NoCompression : CompressionLevel.SmallestSize, leaveOpen: true)) zs.Write(filteredRows);
        var idat = z.ToArray();
        Chunk("IDAT", idat[..(idat.Length / 2)]); // split over two IDAT chunks
        Chunk("IDAT", idat[(idat.Length / 2)..]);
        Chunk("IEND", []);
        return png.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Png_rgb_with_sub_up_average_and_paeth_filters(bool stored)
    {
        // 3x4 RGB; row y is filtered with filter type y (0..3) and the last with Paeth (4) applied to the same data.
        int w = 3, h = 5;
        var pixels = new byte[w * h * 3];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 37 + 11);
        var rows = new MemoryStream();
        for (int y = 0; y < h; y++)
        {
            rows.WriteByte((byte)y);
            for (int i = 0; i < w * 3; i++)
            {
                int x = pixels[y * w * 3 + i];
                int a = i >= 3 ? pixels[y * w * 3 + i - 3] : 0, b = y > 0 ? pixels[(y - 1) * w * 3 + i] : 0, c = i >= 3 && y > 0 ? pixels[(y - 1) * w * 3 + i - 3] : 0;
                int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                int predictor = y switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, _ => pa <= pb && pa <= pc ? a : pb <= pc ? b : c };
                rows.WriteByte((byte)(x - predictor));
            }
        }
        var image = Decode(Png(w, h, 8, 2, rows.ToArray(), stored));
        Assert.Equal([5L, 3L, 3L], image.Shape.ToArray());
        Assert.Equal(pixels, image.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void Png_4_bit_palette_and_bgr_output()
    {
        byte[] palette = [255, 0, 0, 0, 255, 0, 0, 0, 255];
        // 3x1 pixels with indices 2, 0, 1: one byte 0x20, one byte 0x10 (the low nibble is padding).
        var image = Decode(Png(3, 1, 4, 3, [0, 0x20, 0x10], false, palette), "BGR");
        Assert.Equal([255, 0, 0, 0, 0, 255, 0, 255, 0], image.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void Bmp_8_bit_palette_bottom_up_with_row_padding()
    {
        int w = 3, h = 2, stride = 4;
        var bmp = new byte[14 + 40 + 4 * 2 + stride * h];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 14 + 40 + 8);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), w);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), h);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 8);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(46), 2);
        bmp.AsSpan(54, 8).CopyTo(bmp.AsSpan(54)); // palette: BGRX entries
        new byte[] { 10, 20, 30, 0, 40, 50, 60, 0 }.CopyTo(bmp, 54);
        new byte[] { 1, 0, 1, 0, 0, 1, 0, 0 }.CopyTo(bmp, 62); // bottom row first
        var image = Decode(bmp);
        Assert.Equal(new byte[] { 30, 20, 10, 60, 50, 40, 30, 20, 10, 60, 50, 40, 30, 20, 10, 60, 50, 40 }, image.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void Pnm_ascii_gray_with_comment_and_maximum_15()
    {
        var image = Decode(Encoding.ASCII.GetBytes("P2\n# a comment\n2 2\n15\n0 15\n7 8\n"), "Grayscale");
        Assert.Equal([2L, 2L, 1L], image.Shape.ToArray());
        Assert.Equal([0, 255, 119, 136], image.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void Tiff_packbits_gray_becomes_rgb_and_gray()
    {
        var t = new MemoryStream();
        var w = new BinaryWriter(t);
        w.Write("II"u8.ToArray());
        w.Write((short)42);
        w.Write(8);
        (short Tag, short Type, int Count, int Value)[] entries =
        [
            (256, 3, 1, 4), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 32773), (262, 3, 1, 1),
            (273, 4, 1, 8 + 2 + 8 * 12 + 4), (277, 3, 1, 1), (279, 4, 1, 4),
        ];
        w.Write((short)entries.Length);
        foreach (var e in entries)
        {
            w.Write(e.Tag);
            w.Write(e.Type);
            w.Write(e.Count);
            w.Write(e.Value);
        }
        w.Write(0);
        w.Write(new byte[] { 0xFD, 9, 0, 200 }); // PackBits: 9 repeated 4 times (the last bytes are ignored)
        var image = Decode(t.ToArray());
        Assert.Equal(Enumerable.Repeat((byte)9, 12).ToArray(), image.ReadOnlySpan<byte>().ToArray());
    }

    [Fact]
    public void Unsupported_or_corrupt_data_is_a_clear_error()
    {
        var e = Assert.ThrowsAny<EdgeMLException>(() => Decode([1, 2, 3, 4, 5]));
        Assert.Contains("not an image in a supported format", e.Message);
        var truncatedPng = Png(2, 2, 8, 2, new byte[14], false)[..40];
        Assert.ThrowsAny<EdgeMLException>(() => Decode(truncatedPng));
    }
}

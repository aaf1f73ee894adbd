using EdgeML.Runtime.Kernels.Reference.ImageCodecs;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ImageDecoder (opset 20): decodes an encoded image (a 1-D uint8 tensor) to [H, W, 3] RGB or BGR
/// or [H, W, 1] gray, in plain C# (codecs in ImageCodecs/). Formats: BMP, PNM, PNG, TIFF (strips;
/// none, PackBits, LZW, Deflate) and baseline JPEG, decoded as libjpeg does by default (integer
/// IDCT, fancy upsampling) so the pixels equal Pillow's. Gray from colour is
/// (19595 R + 38470 G + 7471 B + 2^15) >> 16, as Pillow converts. JPEG 2000, WebP and progressive
/// JPEG are recognised and rejected with an error.
/// </summary>
public sealed class ImageDecoder : Kernel
{
    private readonly int _format; // 0 RGB, 1 BGR, 2 Grayscale
    private readonly DecodedImage _image = new();
    private readonly PngDecoder _png = new();
    private readonly TiffDecoder _tiff = new();
    private readonly JpegDecoder _jpeg = new();

    private ImageDecoder(int format) => _format = format;

    public static Kernel Create(KernelInfo info)
    {
        string f = info.Attributes.GetString("pixel_format", "RGB");
        return new ImageDecoder(f switch
        {
            "RGB" => 0,
            "BGR" => 1,
            "Grayscale" => 2,
            _ => throw info.Error($"pixel_format '{f}' is not RGB, BGR or Grayscale"),
        });
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.UInt8 || x.Rank != 1) throw context.Error("encoded_stream must be a 1-D uint8 tensor");
        ReadOnlySpan<byte> data = x.Bytes;
        try
        {
            if (PngDecoder.Matches(data)) _png.Decode(data, _image);
            else if (JpegDecoder.Matches(data)) _jpeg.Decode(data, _image);
            else if (BmpDecoder.Matches(data)) BmpDecoder.Decode(data, _image);
            else if (TiffDecoder.Matches(data)) _tiff.Decode(data, _image);
            else if (PnmDecoder.Matches(data)) PnmDecoder.Decode(data, _image);
            else if (IsJpeg2000(data)) throw new EdgeMLException("JPEG 2000 images are not supported");
            else if (IsWebP(data)) throw new EdgeMLException("WebP images are not supported");
            else throw new EdgeMLException("the data is not an image in a supported format (BMP, JPEG, PNG, PNM, TIFF)");
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException)
        {
            throw context.Error("the image data is truncated or corrupt");
        }

        int w = _image.Width, h = _image.Height, c = _image.Channels;
        var y = context.Output(0);
        Span<long> shape = stackalloc long[] { h, w, _format == 2 ? 1 : 3 };
        y.Allocate(DataType.UInt8, shape);
        var src = _image.Pixels;
        var dst = y.Span<byte>();
        for (int i = 0; i < w * h; i++)
        {
            byte r = src[i * c], g = c == 3 ? src[i * c + 1] : r, b = c == 3 ? src[i * c + 2] : r;
            switch (_format)
            {
                case 0: dst[3 * i] = r; dst[3 * i + 1] = g; dst[3 * i + 2] = b; break;
                case 1: dst[3 * i] = b; dst[3 * i + 1] = g; dst[3 * i + 2] = r; break;
                default: dst[i] = c == 1 ? r : (byte)((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16); break;
            }
        }
    }

    private static bool IsJpeg2000(ReadOnlySpan<byte> d) =>
        (d.Length >= 12 && d[4] == 'j' && d[5] == 'P' && d[6] == ' ' && d[7] == ' ') || (d.Length >= 4 && d[0] == 0xFF && d[1] == 0x4F && d[2] == 0xFF && d[3] == 0x51);

    private static bool IsWebP(ReadOnlySpan<byte> d) => d.Length >= 12 && d[..4].SequenceEqual("RIFF"u8) && d.Slice(8, 4).SequenceEqual("WEBP"u8);
}

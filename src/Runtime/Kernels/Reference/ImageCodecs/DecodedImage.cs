namespace EdgeML.Runtime.Kernels.Reference.ImageCodecs;

/// <summary>A decoded image: 8-bit samples, row-major, 1 (gray) or 3 (RGB) channels. The pixel
/// buffer grows once and is reused by later decodes.</summary>
internal sealed class DecodedImage
{
    private byte[] _pixels = [];

    public int Width { get; private set; }
    public int Height { get; private set; }
    public int Channels { get; private set; }
    public Span<byte> Pixels => _pixels.AsSpan(0, Width * Height * Channels);

    public void Resize(int width, int height, int channels)
    {
        if (width <= 0 || height <= 0) throw new EdgeMLException($"image size {width}x{height} is not valid");
        if ((long)width * height * channels > int.MaxValue / 2) throw new EdgeMLException($"image size {width}x{height} is too large");
        Width = width;
        Height = height;
        Channels = channels;
        int n = width * height * channels;
        if (_pixels.Length < n) _pixels = new byte[n];
    }

    public static EdgeMLException Error(string format, string message) => new($"{format} image: {message}");
}

using System.Buffers.Binary;

namespace EdgeML.Runtime.Kernels.Reference.ImageCodecs;

/// <summary>
/// Baseline JPEG (sequential Huffman, 8-bit; gray, YCbCr or Adobe RGB; any sampling factors;
/// interleaved or not; restart intervals). To give the same pixels as libjpeg(-turbo)'s defaults,
/// which the ONNX reference reaches through Pillow, it follows libjpeg's integer "islow" inverse DCT,
/// its "fancy" (triangular) chroma upsampling and its fixed-point YCbCr to RGB tables step by step.
/// Progressive and arithmetic-coded JPEGs are rejected.
/// </summary>
internal sealed class JpegDecoder
{
    private const string Format = "JPEG";
    private static readonly byte[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    private sealed class Huffman
    {
        public readonly int[] MinCode = new int[17], MaxCode = new int[18], ValuePointer = new int[17];
        public readonly byte[] Values = new byte[256];
        public bool Defined;
    }

    private sealed class Component
    {
        public int Id, H, V, QuantTable, DcTable, AcTable, Predictor;
        public int BlocksPerLine, BlockLines, Width, Height; // Width/Height: downsampled size in samples
        public short[] Coefficients = [];
        public byte[] Plane = [];
    }

    private readonly ushort[][] _quant = [new ushort[64], new ushort[64], new ushort[64], new ushort[64]];
    private readonly Huffman[] _dc = [new(), new(), new(), new()];
    private readonly Huffman[] _ac = [new(), new(), new(), new()];
    private readonly Component[] _components = [new(), new(), new(), new()];
    private readonly int[] _work = new int[64];
    private readonly int[] _crR = new int[256], _cbB = new int[256], _crG = new int[256], _cbG = new int[256];
    private byte[] _rowAbove = [], _rowBelow = [];
    private byte[][] _upsampled = [[], [], []];
    private int _componentCount, _width, _height, _hMax, _vMax, _mcusX, _mcusY, _restartInterval;
    private bool _adobeRgb, _frameSeen;

    // Entropy-coded data reader state.
    private int _pos, _bitBuffer, _bitCount;
    private bool _hitMarker;

    public JpegDecoder()
    {
        // libjpeg's YCbCr -> RGB tables (jdcolor.c): 16-bit fixed point, rounded.
        const int scale = 16;
        const long half = 1L << (scale - 1);
        static long Fix(double x) => (long)(x * (1L << scale) + 0.5);
        for (int i = 0, x = -128; i < 256; i++, x++)
        {
            _crR[i] = (int)((Fix(1.40200) * x + half) >> scale);
            _cbB[i] = (int)((Fix(1.77200) * x + half) >> scale);
            _crG[i] = (int)(-Fix(0.71414) * x);
            _cbG[i] = (int)(-Fix(0.34414) * x + half);
        }
    }

    public static bool Matches(ReadOnlySpan<byte> d) => d.Length >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;

    public void Decode(ReadOnlySpan<byte> d, DecodedImage image)
    {
        _frameSeen = _adobeRgb = false;
        _restartInterval = 0;
        int pos = 2;
        while (true)
        {
            while (pos < d.Length && d[pos] != 0xFF) pos++;
            while (pos < d.Length && d[pos] == 0xFF) pos++;
            if (pos >= d.Length) throw DecodedImage.Error(Format, "the data ends before the end-of-image marker");
            int marker = d[pos++];
            if (marker == 0xD9) break; // EOI
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) continue;
            if (pos + 2 > d.Length) throw DecodedImage.Error(Format, "a marker segment is truncated");
            int length = BinaryPrimitives.ReadUInt16BigEndian(d[pos..]);
            if (length < 2 || pos + length > d.Length) throw DecodedImage.Error(Format, "a marker segment is truncated");
            var segment = d.Slice(pos + 2, length - 2);
            pos += length;
            switch (marker)
            {
                case 0xC0 or 0xC1: Frame(segment); break;
                case 0xC2 or 0xC6 or 0xCA or 0xCE: throw DecodedImage.Error(Format, "progressive JPEG is not supported");
                case 0xC3 or 0xC5 or 0xC7 or 0xCB or 0xCD or 0xCF: throw DecodedImage.Error(Format, "lossless or hierarchical JPEG is not supported");
                case 0xC9 or 0xCC: throw DecodedImage.Error(Format, "arithmetic-coded JPEG is not supported");
                case 0xC4: HuffmanTables(segment); break;
                case 0xDB: QuantTables(segment); break;
                case 0xDD: _restartInterval = BinaryPrimitives.ReadUInt16BigEndian(segment); break;
                case 0xEE:
                    if (segment.Length >= 12 && segment[..5].SequenceEqual("Adobe"u8)) _adobeRgb = segment[11] == 0;
                    break;
                case 0xDA:
                    if (!_frameSeen) throw DecodedImage.Error(Format, "scan before frame header");
                    pos = Scan(d, segment, pos);
                    break;
            }
        }
        if (!_frameSeen) throw DecodedImage.Error(Format, "no frame header");
        Output(image);
    }

    private void Frame(ReadOnlySpan<byte> s)
    {
        if (s[0] != 8) throw DecodedImage.Error(Format, $"{s[0]}-bit samples are not supported");
        _height = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
        _width = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
        _componentCount = s[5];
        if (_componentCount is not (1 or 3)) throw DecodedImage.Error(Format, $"{_componentCount} components are not supported (gray or three-channel colour only)");
        if (_width == 0 || _height == 0) throw DecodedImage.Error(Format, "the image has no size (DNL markers are not supported)");
        _hMax = _vMax = 1;
        for (int i = 0; i < _componentCount; i++)
        {
            var c = _components[i];
            c.Id = s[6 + 3 * i];
            c.H = s[7 + 3 * i] >> 4;
            c.V = s[7 + 3 * i] & 15;
            c.QuantTable = s[8 + 3 * i] & 3;
            if (c.H is < 1 or > 4 || c.V is < 1 or > 4) throw DecodedImage.Error(Format, "sampling factors must be 1 to 4");
            _hMax = Math.Max(_hMax, c.H);
            _vMax = Math.Max(_vMax, c.V);
        }
        _mcusX = (_width + 8 * _hMax - 1) / (8 * _hMax);
        _mcusY = (_height + 8 * _vMax - 1) / (8 * _vMax);
        for (int i = 0; i < _componentCount; i++)
        {
            var c = _components[i];
            c.BlocksPerLine = _mcusX * c.H;
            c.BlockLines = _mcusY * c.V;
            c.Width = (_width * c.H + _hMax - 1) / _hMax;
            c.Height = (_height * c.V + _vMax - 1) / _vMax;
            int n = c.BlocksPerLine * c.BlockLines * 64;
            if (c.Coefficients.Length < n) c.Coefficients = new short[n];
            else Array.Clear(c.Coefficients, 0, n);
        }
        _frameSeen = true;
    }

    private void QuantTables(ReadOnlySpan<byte> s)
    {
        int p = 0;
        while (p < s.Length)
        {
            int precision = s[p] >> 4, id = s[p] & 3;
            p++;
            for (int k = 0; k < 64; k++)
            {
                _quant[id][ZigZag[k]] = precision == 0 ? s[p + k] : BinaryPrimitives.ReadUInt16BigEndian(s[(p + 2 * k)..]);
            }
            p += precision == 0 ? 64 : 128;
        }
    }

    private void HuffmanTables(ReadOnlySpan<byte> s)
    {
        int p = 0;
        while (p < s.Length)
        {
            int cls = s[p] >> 4, id = s[p] & 3;
            var h = cls == 0 ? _dc[id] : _ac[id];
            var counts = s.Slice(p + 1, 16);
            int total = 0;
            foreach (byte n in counts) total += n;
            if (total > 256) throw DecodedImage.Error(Format, "a Huffman table has too many codes");
            s.Slice(p + 17, total).CopyTo(h.Values);
            // Canonical code ranges per length (ITU T.81 F.2.2.3).
            int code = 0, k = 0;
            for (int l = 1; l <= 16; l++)
            {
                h.ValuePointer[l] = k;
                h.MinCode[l] = code;
                code += counts[l - 1];
                k += counts[l - 1];
                h.MaxCode[l] = counts[l - 1] > 0 ? code - 1 : -1;
                code <<= 1;
            }
            h.MaxCode[17] = int.MaxValue;
            h.Defined = true;
            p += 17 + total;
        }
    }

    private int Scan(ReadOnlySpan<byte> d, ReadOnlySpan<byte> header, int pos)
    {
        int count = header[0];
        Span<int> scan = stackalloc int[4];
        for (int i = 0; i < count; i++)
        {
            int id = header[1 + 2 * i], index = -1;
            for (int c = 0; c < _componentCount; c++) if (_components[c].Id == id) index = c;
            if (index < 0) throw DecodedImage.Error(Format, $"scan names unknown component {id}");
            scan[i] = index;
            _components[index].DcTable = header[2 + 2 * i] >> 4;
            _components[index].AcTable = header[2 + 2 * i] & 15;
            _components[index].Predictor = 0;
            if (!_dc[_components[index].DcTable & 3].Defined || !_ac[_components[index].AcTable & 3].Defined)
                throw DecodedImage.Error(Format, "scan uses an undefined Huffman table");
        }
        _pos = pos;
        _bitBuffer = _bitCount = 0;
        _hitMarker = false;

        bool single = count == 1;
        var first = _components[scan[0]];
        int unitsX = single ? (first.Width + 7) / 8 : _mcusX;
        int unitsY = single ? (first.Height + 7) / 8 : _mcusY;
        int total = unitsX * unitsY, restartsLeft = _restartInterval;
        for (int u = 0; u < total; u++)
        {
            if (_restartInterval > 0 && restartsLeft == 0)
            {
                Restart(d);
                restartsLeft = _restartInterval;
                for (int i = 0; i < count; i++) _components[scan[i]].Predictor = 0;
            }
            int ux = u % unitsX, uy = u / unitsX;
            if (single)
            {
                DecodeBlock(d, first, uy * first.BlocksPerLine + ux);
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    var c = _components[scan[i]];
                    for (int by = 0; by < c.V; by++)
                        for (int bx = 0; bx < c.H; bx++)
                            DecodeBlock(d, c, (uy * c.V + by) * c.BlocksPerLine + ux * c.H + bx);
                }
            }
            restartsLeft--;
        }
        // Skip to the next marker.
        int p = _pos;
        while (p + 1 < d.Length && !(d[p] == 0xFF && d[p + 1] != 0 && d[p + 1] is not (>= 0xD0 and <= 0xD7))) p++;
        return p;
    }

    private void Restart(ReadOnlySpan<byte> d)
    {
        _bitBuffer = _bitCount = 0;
        _hitMarker = false;
        int p = _pos;
        while (p + 1 < d.Length && !(d[p] == 0xFF && d[p + 1] is >= 0xD0 and <= 0xD7)) p++;
        _pos = Math.Min(p + 2, d.Length);
    }

    private int Bit(ReadOnlySpan<byte> d)
    {
        if (_bitCount == 0)
        {
            int b = 0;
            if (!_hitMarker && _pos < d.Length)
            {
                b = d[_pos];
                if (b == 0xFF)
                {
                    int next = _pos + 1 < d.Length ? d[_pos + 1] : 0xD9;
                    if (next == 0) _pos += 2;
                    else
                    {
                        _hitMarker = true; // a marker: feed zeros, as libjpeg does
                        b = 0;
                    }
                }
                else _pos++;
            }
            _bitBuffer = b;
            _bitCount = 8;
        }
        _bitCount--;
        return (_bitBuffer >> _bitCount) & 1;
    }

    private int Receive(ReadOnlySpan<byte> d, int n)
    {
        int v = 0;
        for (int i = 0; i < n; i++) v = (v << 1) | Bit(d);
        return v;
    }

    private static int Extend(int v, int n) => n == 0 ? 0 : v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;

    private int DecodeSymbol(ReadOnlySpan<byte> d, Huffman h)
    {
        int code = Bit(d);
        int l = 1;
        while (code > h.MaxCode[l])
        {
            code = (code << 1) | Bit(d);
            if (++l > 16) throw DecodedImage.Error(Format, "corrupt Huffman data");
        }
        return h.Values[h.ValuePointer[l] + code - h.MinCode[l]];
    }

    private void DecodeBlock(ReadOnlySpan<byte> d, Component c, int block)
    {
        var coef = c.Coefficients.AsSpan(block * 64, 64);
        int t = DecodeSymbol(d, _dc[c.DcTable & 3]);
        if (t > 11) throw DecodedImage.Error(Format, "corrupt DC coefficient");
        c.Predictor += Extend(Receive(d, t), t);
        coef[0] = (short)c.Predictor;
        var ac = _ac[c.AcTable & 3];
        for (int k = 1; k < 64;)
        {
            int rs = DecodeSymbol(d, ac);
            int r = rs >> 4, s = rs & 15;
            if (s == 0)
            {
                if (r != 15) break;
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) throw DecodedImage.Error(Format, "corrupt AC coefficients");
            coef[ZigZag[k]] = (short)Extend(Receive(d, s), s);
            k++;
        }
    }

    // ---- sample reconstruction --------------------------------------------------------------

    private void Output(DecodedImage image)
    {
        for (int i = 0; i < _componentCount; i++)
        {
            var c = _components[i];
            int planeWidth = c.BlocksPerLine * 8;
            int n = planeWidth * c.BlockLines * 8;
            if (c.Plane.Length < n) c.Plane = new byte[n];
            var q = _quant[c.QuantTable];
            for (int by = 0; by < c.BlockLines; by++)
                for (int bx = 0; bx < c.BlocksPerLine; bx++)
                    IdctIslow(c.Coefficients.AsSpan((by * c.BlocksPerLine + bx) * 64, 64), q, c.Plane.AsSpan(by * 8 * planeWidth + bx * 8), planeWidth);
        }

        int channels = _componentCount == 1 ? 1 : 3;
        image.Resize(_width, _height, channels);
        var pixels = image.Pixels;
        if (_componentCount == 1)
        {
            var c = _components[0];
            for (int y = 0; y < _height; y++) c.Plane.AsSpan(y * c.BlocksPerLine * 8, _width).CopyTo(pixels.Slice(y * _width, _width));
            return;
        }
        for (int i = 0; i < 3; i++) Upsample(_components[i], i);
        var yy = _upsampled[0];
        var cb = _upsampled[1];
        var cr = _upsampled[2];
        for (int p = 0, n = _width * _height; p < n; p++)
        {
            if (_adobeRgb)
            {
                pixels[3 * p] = yy[p];
                pixels[3 * p + 1] = cb[p];
                pixels[3 * p + 2] = cr[p];
                continue;
            }
            int luma = yy[p];
            pixels[3 * p] = Clamp(luma + _crR[cr[p]]);
            pixels[3 * p + 1] = Clamp(luma + ((_cbG[cb[p]] + _crG[cr[p]]) >> 16));
            pixels[3 * p + 2] = Clamp(luma + _cbB[cb[p]]);
        }
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    /// <summary>Brings component <paramref name="c"/> to full size into _upsampled[index]
    /// ([height, width]), with libjpeg's upsampling for its sampling ratio.</summary>
    private void Upsample(Component c, int index)
    {
        int n = _width * _height;
        if (_upsampled[index].Length < n) _upsampled[index] = new byte[n];
        var dst = _upsampled[index];
        int planeWidth = c.BlocksPerLine * 8;
        int hf = _hMax / c.H, vf = _vMax / c.V;
        if (_hMax % c.H != 0 || _vMax % c.V != 0) throw DecodedImage.Error(Format, "non-integral sampling ratios are not supported");
        int outWidth = c.Width * hf;
        if (_rowAbove.Length < outWidth + 2 * 8)
        {
            _rowAbove = new byte[outWidth + 16];
            _rowBelow = new byte[outWidth + 16];
        }
        for (int y = 0; y < _height; y++)
        {
            int sy = y / vf;
            var row = c.Plane.AsSpan(sy * planeWidth, c.Width);
            var outRow = dst.AsSpan(y * _width, _width);
            if (hf == 1 && vf == 1)
            {
                row[.._width].CopyTo(outRow);
                continue;
            }
            bool fancy = c.Width > 2;
            if (hf == 2 && vf == 1 && fancy)
            {
                H2V1(row, _rowAbove.AsSpan(0, outWidth));
                _rowAbove.AsSpan(0, _width).CopyTo(outRow);
            }
            else if (hf == 2 && vf == 2 && fancy)
            {
                int neighbour = y % 2 == 0 ? Math.Max(sy - 1, 0) : Math.Min(sy + 1, c.Height - 1);
                H2V2(row, c.Plane.AsSpan(neighbour * planeWidth, c.Width), y % 2 == 0, _rowAbove.AsSpan(0, outWidth));
                _rowAbove.AsSpan(0, _width).CopyTo(outRow);
            }
            else if (hf == 1 && vf == 2)
            {
                int neighbour = y % 2 == 0 ? Math.Max(sy - 1, 0) : Math.Min(sy + 1, c.Height - 1);
                var other = c.Plane.AsSpan(neighbour * planeWidth, c.Width);
                int bias = y % 2 == 0 ? 1 : 2;
                for (int x = 0; x < _width; x++) outRow[x] = (byte)((row[x] * 3 + other[x] + bias) >> 2);
            }
            else
            {
                for (int x = 0; x < _width; x++) outRow[x] = row[x / hf];
            }
        }
    }

    /// <summary>libjpeg's h2v1_fancy_upsample: triangle filter 3/4, 1/4 with alternating rounding.</summary>
    private static void H2V1(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int w = input.Length, o = 0;
        output[o++] = input[0];
        output[o++] = (byte)((input[0] * 3 + input[1] + 2) >> 2);
        for (int x = 1; x < w - 1; x++)
        {
            int v = input[x] * 3;
            output[o++] = (byte)((v + input[x - 1] + 1) >> 2);
            output[o++] = (byte)((v + input[x + 1] + 2) >> 2);
        }
        output[o++] = (byte)((input[w - 1] * 3 + input[w - 2] + 1) >> 2);
        output[o] = input[w - 1];
    }

    /// <summary>libjpeg's h2v2_fancy_upsample for one output row: the nearer input row weighs 3,
    /// the other 1, then the same triangle across columns.</summary>
    private static void H2V2(ReadOnlySpan<byte> near, ReadOnlySpan<byte> far, bool upper, Span<byte> output)
    {
        _ = upper;
        int w = near.Length, o = 0;
        int thisSum = near[0] * 3 + far[0];
        int nextSum = near[1] * 3 + far[1];
        output[o++] = (byte)((thisSum * 4 + 8) >> 4);
        output[o++] = (byte)((thisSum * 3 + nextSum + 7) >> 4);
        int lastSum = thisSum;
        thisSum = nextSum;
        for (int x = 2; x < w; x++)
        {
            nextSum = near[x] * 3 + far[x];
            output[o++] = (byte)((thisSum * 3 + lastSum + 8) >> 4);
            output[o++] = (byte)((thisSum * 3 + nextSum + 7) >> 4);
            lastSum = thisSum;
            thisSum = nextSum;
        }
        output[o++] = (byte)((thisSum * 3 + lastSum + 8) >> 4);
        output[o] = (byte)((thisSum * 4 + 7) >> 4);
    }

    // libjpeg jidctint.c constants: FIX(x) = round(x * 2^13).
    private const int ConstBits = 13, Pass1Bits = 2;
    private const long Fix0298631336 = 2446, Fix0390180644 = 3196, Fix0541196100 = 4433, Fix0765366865 = 6270, Fix0899976223 = 7373,
        Fix1175875602 = 9633, Fix1501321110 = 12299, Fix1847759065 = 15137, Fix1961570560 = 16069, Fix2053119869 = 16819,
        Fix2562915447 = 20995, Fix3072711026 = 25172;

    private static long Descale(long x, int n) => (x + (1L << (n - 1))) >> n;

    /// <summary>libjpeg's range limit after the IDCT: the 10-bit wrapped value, centred on 128, clamped.</summary>
    private static byte RangeLimit(long x)
    {
        int v = (int)(x & 1023);
        return v < 128 ? (byte)(v + 128) : v < 512 ? (byte)255 : v < 896 ? (byte)0 : (byte)(v - 896);
    }

    /// <summary>libjpeg's jpeg_idct_islow: the slow-but-accurate integer inverse DCT, two passes.</summary>
    private void IdctIslow(ReadOnlySpan<short> coef, ReadOnlySpan<ushort> quant, Span<byte> output, int stride)
    {
        var ws = _work;
        for (int col = 0; col < 8; col++)
        {
            if (coef[8 + col] == 0 && coef[16 + col] == 0 && coef[24 + col] == 0 && coef[32 + col] == 0 &&
                coef[40 + col] == 0 && coef[48 + col] == 0 && coef[56 + col] == 0)
            {
                int dc = coef[col] * quant[col] << Pass1Bits;
                for (int r = 0; r < 8; r++) ws[r * 8 + col] = dc;
                continue;
            }
            long z2 = coef[16 + col] * quant[16 + col], z3 = coef[48 + col] * quant[48 + col];
            long z1 = (z2 + z3) * Fix0541196100;
            long tmp2 = z1 + z3 * -Fix1847759065, tmp3 = z1 + z2 * Fix0765366865;
            z2 = coef[col] * quant[col];
            z3 = coef[32 + col] * quant[32 + col];
            long tmp0 = (z2 + z3) << ConstBits, tmp1 = (z2 - z3) << ConstBits;
            long tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            Odd(coef[56 + col] * quant[56 + col], coef[40 + col] * quant[40 + col], coef[24 + col] * quant[24 + col], coef[8 + col] * quant[8 + col],
                out tmp0, out tmp1, out tmp2, out tmp3);
            const int shift = ConstBits - Pass1Bits;
            ws[col] = (int)Descale(tmp10 + tmp3, shift);
            ws[56 + col] = (int)Descale(tmp10 - tmp3, shift);
            ws[8 + col] = (int)Descale(tmp11 + tmp2, shift);
            ws[48 + col] = (int)Descale(tmp11 - tmp2, shift);
            ws[16 + col] = (int)Descale(tmp12 + tmp1, shift);
            ws[40 + col] = (int)Descale(tmp12 - tmp1, shift);
            ws[24 + col] = (int)Descale(tmp13 + tmp0, shift);
            ws[32 + col] = (int)Descale(tmp13 - tmp0, shift);
        }
        for (int row = 0; row < 8; row++)
        {
            var w = ws.AsSpan(row * 8, 8);
            var o = output.Slice(row * stride, 8);
            const int shift = ConstBits + Pass1Bits + 3;
            if (w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0 && w[6] == 0 && w[7] == 0)
            {
                byte v = RangeLimit(Descale(w[0], Pass1Bits + 3));
                o.Fill(v);
                continue;
            }
            long z2 = w[2], z3 = w[6];
            long z1 = (z2 + z3) * Fix0541196100;
            long tmp2 = z1 + z3 * -Fix1847759065, tmp3 = z1 + z2 * Fix0765366865;
            long tmp0 = ((long)w[0] + w[4]) << ConstBits, tmp1 = ((long)w[0] - w[4]) << ConstBits;
            long tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;
            Odd(w[7], w[5], w[3], w[1], out tmp0, out tmp1, out tmp2, out tmp3);
            o[0] = RangeLimit(Descale(tmp10 + tmp3, shift));
            o[7] = RangeLimit(Descale(tmp10 - tmp3, shift));
            o[1] = RangeLimit(Descale(tmp11 + tmp2, shift));
            o[6] = RangeLimit(Descale(tmp11 - tmp2, shift));
            o[2] = RangeLimit(Descale(tmp12 + tmp1, shift));
            o[5] = RangeLimit(Descale(tmp12 - tmp1, shift));
            o[3] = RangeLimit(Descale(tmp13 + tmp0, shift));
            o[4] = RangeLimit(Descale(tmp13 - tmp0, shift));
        }
    }

    /// <summary>The odd part of the islow IDCT (inputs: the 7th, 5th, 3rd and 1st terms).</summary>
    private static void Odd(long t0, long t1, long t2, long t3, out long o0, out long o1, out long o2, out long o3)
    {
        long z1 = t0 + t3, z2 = t1 + t2, z3 = t0 + t2, z4 = t1 + t3;
        long z5 = (z3 + z4) * Fix1175875602;
        t0 *= Fix0298631336;
        t1 *= Fix2053119869;
        t2 *= Fix3072711026;
        t3 *= Fix1501321110;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        z3 = z3 * -Fix1961570560 + z5;
        z4 = z4 * -Fix0390180644 + z5;
        o0 = t0 + z1 + z3;
        o1 = t1 + z2 + z4;
        o2 = t2 + z2 + z3;
        o3 = t3 + z1 + z4;
    }
}

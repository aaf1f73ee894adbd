namespace EdgeML.Runtime.Kernels.Reference.ImageCodecs;

/// <summary>
/// A DEFLATE (RFC 1951) decompressor, with the zlib (RFC 1950) wrapper, for PNG and TIFF. Huffman
/// codes are decoded canonically, one bit at a time: simple and exact rather than fast. The output
/// buffer and tables grow once and are reused.
/// </summary>
internal sealed class Inflate
{
    private static readonly short[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly byte[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly byte[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    private static readonly byte[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    private readonly short[] _lengthCount = new short[16], _lengthSymbol = new short[288];
    private readonly short[] _distanceCount = new short[16], _distanceSymbol = new short[30];
    private readonly short[] _lengths = new short[320];
    private byte[] _output = new byte[1 << 16];
    private int _outputLength;
    private byte[] _input = [];
    private int _inputLength, _position, _bitBuffer, _bitCount;

    /// <summary>Decompresses a zlib stream; the result is valid until the next call.</summary>
    public ReadOnlySpan<byte> Zlib(ReadOnlySpan<byte> data, string format)
    {
        if (data.Length < 2 || (data[0] & 0x0F) != 8 || ((data[0] << 8) | data[1]) % 31 != 0)
            throw DecodedImage.Error(format, "the zlib stream header is not valid");
        if ((data[1] & 0x20) != 0) throw DecodedImage.Error(format, "zlib preset dictionaries are not supported");
        return Raw(data[2..], format);
    }

    /// <summary>Decompresses raw DEFLATE data.</summary>
    public ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> data, string format)
    {
        if (_input.Length < data.Length) _input = new byte[data.Length];
        data.CopyTo(_input);
        _inputLength = data.Length;
        _position = _bitBuffer = _bitCount = _outputLength = 0;
        try
        {
            bool last;
            do
            {
                last = Bits(1) == 1;
                switch (Bits(2))
                {
                    case 0: Stored(); break;
                    case 1: FixedTables(); Codes(); break;
                    case 2: DynamicTables(); Codes(); break;
                    default: throw new InvalidDataException("invalid block type");
                }
            }
            while (!last);
        }
        catch (InvalidDataException e)
        {
            throw DecodedImage.Error(format, $"compressed data is corrupt ({e.Message})");
        }
        return _output.AsSpan(0, _outputLength);
    }

    private int Bits(int n)
    {
        while (_bitCount < n)
        {
            if (_position >= _inputLength) throw new InvalidDataException("unexpected end of data");
            _bitBuffer |= _input[_position++] << _bitCount;
            _bitCount += 8;
        }
        int value = _bitBuffer & ((1 << n) - 1);
        _bitBuffer >>= n;
        _bitCount -= n;
        return value;
    }

    private void Put(byte b)
    {
        if (_outputLength == _output.Length) Array.Resize(ref _output, _output.Length * 2);
        _output[_outputLength++] = b;
    }

    private void Stored()
    {
        _bitBuffer = _bitCount = 0;
        if (_position + 4 > _inputLength) throw new InvalidDataException("truncated stored block");
        int length = _input[_position] | (_input[_position + 1] << 8);
        int check = _input[_position + 2] | (_input[_position + 3] << 8);
        _position += 4;
        if (length != (~check & 0xFFFF)) throw new InvalidDataException("stored block length check failed");
        if (_position + length > _inputLength) throw new InvalidDataException("truncated stored block");
        for (int i = 0; i < length; i++) Put(_input[_position++]);
    }

    private int Decode(short[] count, short[] symbol)
    {
        int code = 0, first = 0, index = 0;
        for (int length = 1; length <= 15; length++)
        {
            code |= Bits(1);
            int n = count[length];
            if (code - n < first) return symbol[index + (code - first)];
            index += n;
            first = (first + n) << 1;
            code <<= 1;
        }
        throw new InvalidDataException("invalid Huffman code");
    }

    private static void Build(short[] count, short[] symbol, ReadOnlySpan<short> lengths)
    {
        Array.Clear(count);
        foreach (short l in lengths) count[l]++;
        Span<short> offsets = stackalloc short[16];
        offsets[1] = 0;
        for (int l = 1; l < 15; l++) offsets[l + 1] = (short)(offsets[l] + count[l]);
        for (int s = 0; s < lengths.Length; s++)
            if (lengths[s] != 0) symbol[offsets[lengths[s]]++] = (short)s;
        count[0] = 0;
    }

    private void FixedTables()
    {
        var l = _lengths.AsSpan();
        for (int s = 0; s < 144; s++) l[s] = 8;
        for (int s = 144; s < 256; s++) l[s] = 9;
        for (int s = 256; s < 280; s++) l[s] = 7;
        for (int s = 280; s < 288; s++) l[s] = 8;
        Build(_lengthCount, _lengthSymbol, l[..288]);
        for (int s = 0; s < 30; s++) l[s] = 5;
        Build(_distanceCount, _distanceSymbol, l[..30]);
    }

    private void DynamicTables()
    {
        int nlen = Bits(5) + 257, ndist = Bits(5) + 1, ncode = Bits(4) + 4;
        if (nlen > 286 || ndist > 30) throw new InvalidDataException("too many codes");
        var l = _lengths.AsSpan();
        l.Clear();
        for (int i = 0; i < ncode; i++) l[CodeLengthOrder[i]] = (short)Bits(3);
        Build(_lengthCount, _lengthSymbol, l[..19]);
        int index = 0;
        Span<short> all = stackalloc short[316];
        while (index < nlen + ndist)
        {
            int symbol = Decode(_lengthCount, _lengthSymbol);
            if (symbol < 16)
            {
                all[index++] = (short)symbol;
                continue;
            }
            short repeat = 0;
            int times;
            if (symbol == 16)
            {
                if (index == 0) throw new InvalidDataException("repeat with no previous length");
                repeat = all[index - 1];
                times = 3 + Bits(2);
            }
            else times = symbol == 17 ? 3 + Bits(3) : 11 + Bits(7);
            if (index + times > nlen + ndist) throw new InvalidDataException("too many lengths");
            while (times-- > 0) all[index++] = repeat;
        }
        if (all[256] == 0) throw new InvalidDataException("no end-of-block code");
        Build(_lengthCount, _lengthSymbol, all[..nlen]);
        Build(_distanceCount, _distanceSymbol, all.Slice(nlen, ndist));
    }

    private void Codes()
    {
        while (true)
        {
            int symbol = Decode(_lengthCount, _lengthSymbol);
            if (symbol < 256)
            {
                Put((byte)symbol);
                continue;
            }
            if (symbol == 256) return;
            symbol -= 257;
            if (symbol >= 29) throw new InvalidDataException("invalid length code");
            int length = LengthBase[symbol] + Bits(LengthExtra[symbol]);
            int d = Decode(_distanceCount, _distanceSymbol);
            if (d >= 30) throw new InvalidDataException("invalid distance code");
            int distance = DistanceBase[d] + Bits(DistanceExtra[d]);
            if (distance > _outputLength) throw new InvalidDataException("distance too far back");
            for (int i = 0; i < length; i++) Put(_output[_outputLength - distance]);
        }
    }
}

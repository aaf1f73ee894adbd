using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.IO;

/// <summary>
/// NumPy .npy files (format versions 1-3, little-endian, C order): how tensors go in and out of the
/// command-line tools. Reading validates the header and the data length; writing goes through a
/// temporary file and a rename.
/// </summary>
public static class NpyFile
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The file name a tensor gets: every character outside A-Za-z0-9_.- becomes '_'.</summary>
    public static string FileNameFor(string tensorName)
    {
        var sb = new StringBuilder(tensorName.Length + 4);
        foreach (char c in tensorName) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_');
        return sb.Append(".npy").ToString();
    }

    /// <summary>Reads <paramref name="path"/> into <paramref name="tensor"/> (allocating it).</summary>
    public static void Read(string path, Tensor tensor)
    {
        if (!File.Exists(path)) throw new EdgeMLException($"input file not found: {path}");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (IOException e) { throw new EdgeMLException($"{path}: cannot read: {e.Message}", e); }
        try
        {
            Read(bytes, tensor);
        }
        catch (EdgeMLException e)
        {
            throw new EdgeMLException($"{path}: {e.Message}", e);
        }
    }

    public static void Read(ReadOnlySpan<byte> bytes, Tensor tensor)
    {
        var (type, shape, dataOffset, fortran, bigEndian) = ParseHeader(bytes);
        if (fortran) throw new EdgeMLException("Fortran-ordered .npy arrays are not supported (save with order='C')");
        long count = 1;
        foreach (var d in shape) count = checked(count * d);
        if (type == DataType.String) throw new EdgeMLException("string arrays are not supported in .npy inputs");
        long bytesNeeded = DataTypeInfo.ByteSize(type, count);
        if (bytes.Length - dataOffset < bytesNeeded) throw new EdgeMLException($"not a valid .npy file: {bytes.Length - dataOffset} data bytes for shape {Tensor.ShapeText(shape)}");
        tensor.Allocate(type, shape);
        var src = bytes.Slice(dataOffset, (int)bytesNeeded);
        src.CopyTo(tensor.Bytes);
        if (bigEndian) SwapInPlace(tensor.Bytes, DataTypeInfo.BitsPerElement(type) / 8);
    }

    public static void Write(string path, Tensor tensor) => AtomicFile.Write(path, ToBytes(tensor));

    public static byte[] ToBytes(Tensor tensor)
    {
        if (tensor.Kind != ValueKind.Tensor) throw new EdgeMLException($"'{tensor.Name}' is a {tensor.Kind.ToString().ToLowerInvariant()}, not a tensor; it cannot be saved as .npy");
        string descr = Descr(tensor.Type) ?? throw new EdgeMLException($"'{tensor.Name}': {DataTypeInfo.Name(tensor.Type)} cannot be saved as .npy");
        var shape = tensor.Shape;
        string shapeText = shape.Length == 0 ? "()" : shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape.ToArray()) + ")";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int unpadded = 10 + dict.Length + 1;
        int total = (unpadded + 63) / 64 * 64;
        dict = dict.PadRight(total - 10 - 1) + "\n";
        var header = Encoding.ASCII.GetBytes(dict);
        var result = new byte[10 + header.Length + tensor.ByteLength];
        Magic.CopyTo(result);
        result[6] = 1;
        result[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(8), (ushort)header.Length);
        header.CopyTo(result, 10);
        tensor.Bytes.CopyTo(result.AsSpan(10 + header.Length));
        return result;
    }

    private static (DataType, long[], int, bool, bool) ParseHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic)) throw new EdgeMLException("not a .npy file: the magic bytes are wrong");
        int major = bytes[6];
        int headerLength, start;
        if (major == 1) { headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]); start = 10; }
        else if (major is 2 or 3)
        {
            if (bytes.Length < 12) throw new EdgeMLException("not a valid .npy file: truncated header");
            headerLength = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]), int.MaxValue);
            start = 12;
        }
        else throw new EdgeMLException($"unsupported .npy format version {major}");
        if (headerLength > bytes.Length - start) throw new EdgeMLException("not a valid .npy file: truncated header");
        string header = Encoding.Latin1.GetString(bytes.Slice(start, headerLength));
        string descr = Field(header, "descr") ?? throw new EdgeMLException("not a valid .npy file: no 'descr' in the header");
        string order = Field(header, "fortran_order") ?? "False";
        string shapeText = Field(header, "shape") ?? throw new EdgeMLException("not a valid .npy file: no 'shape' in the header");
        descr = descr.Trim('\'', '"');
        bool bigEndian = descr.StartsWith('>');
        var type = FromDescr(descr) ?? throw new EdgeMLException($"unsupported .npy element type '{descr}'");
        var dims = shapeText.Trim('(', ')', ' ').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s.TrimEnd('L'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new EdgeMLException($"not a valid .npy file: bad shape '{shapeText}'"))
            .ToArray();
        return (type, dims, start + headerLength, order.Trim() == "True", bigEndian);
    }

    /// <summary>Finds the value of a key in the header dictionary (a tuple value is returned whole).</summary>
    private static string? Field(string header, string key)
    {
        int k = header.IndexOf($"'{key}'", StringComparison.Ordinal);
        if (k < 0) k = header.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        if (k < 0) return null;
        int colon = header.IndexOf(':', k);
        if (colon < 0) return null;
        int i = colon + 1;
        while (i < header.Length && header[i] == ' ') i++;
        if (i < header.Length && header[i] == '(')
        {
            int close = header.IndexOf(')', i);
            return close < 0 ? null : header.Substring(i, close - i + 1);
        }
        int end = header.IndexOf(',', i);
        if (end < 0) end = header.IndexOf('}', i);
        return end < 0 ? null : header[i..end].Trim();
    }

    private static DataType? FromDescr(string d)
    {
        string t = d.TrimStart('<', '>', '|', '=');
        return t switch
        {
            "f4" => DataType.Float,
            "f8" => DataType.Double,
            "f2" => DataType.Float16,
            "i1" => DataType.Int8,
            "i2" => DataType.Int16,
            "i4" => DataType.Int32,
            "i8" => DataType.Int64,
            "u1" => DataType.UInt8,
            "u2" => DataType.UInt16,
            "u4" => DataType.UInt32,
            "u8" => DataType.UInt64,
            "b1" => DataType.Bool,
            "c8" => DataType.Complex64,
            "c16" => DataType.Complex128,
            _ => null,
        };
    }

    private static string? Descr(DataType t) => t switch
    {
        DataType.Float => "<f4",
        DataType.Double => "<f8",
        DataType.Float16 => "<f2",
        DataType.Int8 => "|i1",
        DataType.Int16 => "<i2",
        DataType.Int32 => "<i4",
        DataType.Int64 => "<i8",
        DataType.UInt8 => "|u1",
        DataType.UInt16 => "<u2",
        DataType.UInt32 => "<u4",
        DataType.UInt64 => "<u8",
        DataType.Bool => "|b1",
        DataType.Complex64 => "<c8",
        DataType.Complex128 => "<c16",
        DataType.BFloat16 => "<u2",
        _ => null,
    };

    private static void SwapInPlace(Span<byte> data, int size)
    {
        if (size <= 1) return;
        for (int i = 0; i + size <= data.Length; i += size) data.Slice(i, size).Reverse();
    }
}

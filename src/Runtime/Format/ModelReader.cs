using System.Buffers.Binary;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Format;

/// <summary>
/// Parses a .edgeml image (docs/format.md) into a <see cref="ModelDefinition"/> whose constants point
/// into the image. Every offset, size, count, index, op code and checksum is validated before use:
/// this is the only parser on the device, and it must turn any bad file into one clear error.
/// </summary>
public static unsafe class ModelReader
{
    private readonly record struct Section(SectionKind Kind, uint Flags, long Offset, long Size, ulong Hash);

    /// <param name="image">The whole file; must stay valid (mapped or pinned) while the model is used.</param>
    /// <param name="length">Its length in bytes.</param>
    /// <param name="verifyChecksums">Hash every section (on by default; a device may skip it after a verified install).</param>
    public static ModelDefinition Read(byte* image, long length, bool verifyChecksums = true)
    {
        var sections = ReadHeader(image, length, verifyChecksums);
        string[] strings = [];
        ModelDefinition? result;
        var byKind = new Dictionary<SectionKind, Section>();
        foreach (var s in sections)
        {
            if (!byKind.TryAdd(s.Kind, s)) throw new EdgeMLException($"corrupt .edgeml file: section {s.Kind} appears twice");
        }
        foreach (var required in new[] { SectionKind.Strings, SectionKind.Values, SectionKind.Graphs, SectionKind.Weights, SectionKind.MemoryPlan, SectionKind.Metadata })
        {
            if (!byKind.ContainsKey(required)) throw new EdgeMLException($"corrupt .edgeml file: the {required} section is missing");
        }

        strings = ReadStrings(Span(image, byKind[SectionKind.Strings]));
        var weights = byKind[SectionKind.Weights];
        var values = ReadValues(Span(image, byKind[SectionKind.Values]), strings, image + weights.Offset, weights.Size);
        var graphs = ReadGraphs(Span(image, byKind[SectionKind.Graphs]), strings, values.Length);
        var plan = ReadPlan(Span(image, byKind[SectionKind.MemoryPlan]), values.Length);
        var metadata = ReadMetadata(Span(image, byKind[SectionKind.Metadata]), strings);
        var extras = new Dictionary<uint, byte[]>();
        foreach (var s in sections)
        {
            if ((uint)s.Kind >= FormatConstants.FirstExtensionKind) extras[(uint)s.Kind] = Span(image, s).ToArray();
        }
        result = new ModelDefinition { Values = values, Graphs = graphs, Plan = plan, Metadata = metadata, ExtraSections = extras };
        GraphValidator.Validate(result);
        return result;
    }

    private static ReadOnlySpan<byte> Span(byte* image, Section s) => new(image + s.Offset, (int)s.Size);

    private static List<Section> ReadHeader(byte* image, long length, bool verify)
    {
        if (length < FormatConstants.HeaderSize) throw new EdgeMLException($"not a .edgeml file: {length} bytes is shorter than the {FormatConstants.HeaderSize}-byte header");
        var header = new ReadOnlySpan<byte>(image, FormatConstants.HeaderSize);
        if (!header[..8].SequenceEqual(FormatConstants.Magic)) throw new EdgeMLException("not a .edgeml file: the magic bytes are wrong");
        ushort major = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (major != FormatConstants.MajorVersion) throw new EdgeMLException($"unsupported .edgeml format version {major} (this runtime reads version {FormatConstants.MajorVersion})");
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        uint tableOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        ulong fileSize = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        ulong headerHash = BinaryPrimitives.ReadUInt64LittleEndian(header[FormatConstants.HeaderChecksumOffset..]);
        if (fileSize != (ulong)length) throw new EdgeMLException($"corrupt .edgeml file: the header says {fileSize} bytes but the file has {length} (truncated?)");
        if (count == 0 || count > FormatConstants.MaxSections) throw new EdgeMLException($"corrupt .edgeml file: {count} sections");
        long tableBytes = count * FormatConstants.SectionEntrySize;
        if (tableOffset < FormatConstants.HeaderSize || tableOffset + tableBytes > length) throw new EdgeMLException("corrupt .edgeml file: the section table lies outside the file");
        var table = new ReadOnlySpan<byte>(image + tableOffset, (int)tableBytes);
        if (verify)
        {
            Span<byte> first = stackalloc byte[FormatConstants.HeaderChecksumOffset];
            header[..FormatConstants.HeaderChecksumOffset].CopyTo(first);
            ulong h = HeaderHash(first, table);
            if (h != headerHash) throw new EdgeMLException("corrupt .edgeml file: the header checksum does not match");
        }
        var list = new List<Section>();
        long tableEnd = tableOffset + tableBytes;
        for (int i = 0; i < count; i++)
        {
            var e = table.Slice(i * FormatConstants.SectionEntrySize, FormatConstants.SectionEntrySize);
            var kind = (SectionKind)BinaryPrimitives.ReadUInt32LittleEndian(e);
            uint flags = BinaryPrimitives.ReadUInt32LittleEndian(e[4..]);
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(e[8..]);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(e[16..]);
            ulong hash = BinaryPrimitives.ReadUInt64LittleEndian(e[24..]);
            if ((uint)kind < FormatConstants.FirstExtensionKind && !Enum.IsDefined(kind))
                throw new EdgeMLException($"unsupported .edgeml file: unknown core section kind {(uint)kind}");
            if (offset % FormatConstants.SectionAlignment != 0) throw new EdgeMLException($"corrupt .edgeml file: section {kind} is not 64-byte aligned");
            if (offset < (ulong)tableEnd || offset > (ulong)length || size > (ulong)length - offset) throw new EdgeMLException($"corrupt .edgeml file: section {kind} lies outside the file");
            if (size > int.MaxValue) throw new EdgeMLException($"unsupported .edgeml file: section {kind} is larger than 2 GiB");
            var s = new Section(kind, flags, (long)offset, (long)size, hash);
            foreach (var other in list)
            {
                if (s.Offset < other.Offset + other.Size && other.Offset < s.Offset + s.Size) throw new EdgeMLException($"corrupt .edgeml file: sections {other.Kind} and {kind} overlap");
            }
            if (verify && XxHash64.Hash(Span(image, s)) != hash) throw new EdgeMLException($"corrupt .edgeml file: the checksum of section {kind} does not match");
            list.Add(s);
        }
        return list;
    }

    /// <summary>The header checksum covers the first 32 header bytes and the section table.</summary>
    public static ulong HeaderHash(ReadOnlySpan<byte> headerStart, ReadOnlySpan<byte> table)
    {
        var buf = new byte[headerStart.Length + table.Length];
        headerStart.CopyTo(buf);
        table.CopyTo(buf.AsSpan(headerStart.Length));
        return XxHash64.Hash(buf);
    }

    private static string[] ReadStrings(ReadOnlySpan<byte> data)
    {
        var r = new SectionReader(data, "Strings");
        int n = r.Count(4);
        var result = new string[n];
        for (int i = 0; i < n; i++) result[i] = r.Utf8(r.Count(1));
        return result;
    }

    private static string Str(ref SectionReader r, string[] strings)
    {
        uint i = r.U32();
        if (i >= strings.Length) throw r.Corrupt($"string index {i} out of range");
        return strings[i];
    }

    private static string? OptStr(ref SectionReader r, string[] strings)
    {
        uint i = r.U32();
        if (i == FormatConstants.NoString) return null;
        if (i >= strings.Length) throw r.Corrupt($"string index {i} out of range");
        return strings[i];
    }

    private static DataType Type(ref SectionReader r, bool allowUndefined)
    {
        var t = (DataType)r.U8();
        if (!DataTypeInfo.IsValid(t) && !(allowUndefined && t == DataType.Undefined)) throw r.Corrupt($"unknown data type {(int)t}");
        return t;
    }

    private static long[] Dims(ref SectionReader r)
    {
        int rank = r.Count(8);
        var dims = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = r.I64();
            if (dims[i] < 0) throw r.Corrupt($"negative dimension {dims[i]}");
        }
        return dims;
    }

    private static ValueDefinition[] ReadValues(ReadOnlySpan<byte> data, string[] strings, byte* weights, long weightsSize)
    {
        var r = new SectionReader(data, "Values");
        int n = r.Count(8);
        var values = new ValueDefinition[n];
        for (int i = 0; i < n; i++)
        {
            string name = Str(ref r, strings);
            var kind = (ValueKind)r.U8();
            if (kind > ValueKind.None) throw r.Corrupt($"unknown value kind {(int)kind}");
            var type = Type(ref r, allowUndefined: true);
            byte flags = r.U8();
            r.U8();
            var v = new ValueDefinition { Name = name, Kind = kind, Type = type };
            if ((flags & FormatConstants.ValueHasShape) != 0)
            {
                int rank = r.Count(8);
                var shape = new Dimension[rank];
                for (int d = 0; d < rank; d++)
                {
                    long size = r.I64();
                    string? symbol = OptStr(ref r, strings);
                    if (size < -1) throw r.Corrupt($"bad dimension {size}");
                    shape[d] = new Dimension(size, symbol);
                }
                v.Shape = shape;
            }
            if ((flags & FormatConstants.ValueIsConstant) != 0)
            {
                if (type == DataType.Undefined) throw r.Corrupt($"constant '{name}' has no type");
                v.Constant = ReadConstant(ref r, strings, type, weights, weightsSize, name);
            }
            if ((flags & FormatConstants.ValueHasQuantization) != 0)
            {
                int ns = r.Count(4);
                var scales = new float[ns];
                for (int s = 0; s < ns; s++) scales[s] = r.F32();
                int nz = r.Count(8);
                var zps = new long[nz];
                for (int z = 0; z < nz; z++) zps[z] = r.I64();
                v.Quantization = new QuantizationInfo { Scales = scales, ZeroPoints = zps, Axis = r.I32() };
            }
            values[i] = v;
        }
        return values;
    }

    /// <summary>A constant stored in the Weights section: shape, then offset and length of its bytes.</summary>
    private static ConstantTensor ReadConstant(ref SectionReader r, string[] strings, DataType type, byte* weights, long weightsSize, string name)
    {
        var dims = Dims(ref r);
        long count = 1;
        foreach (var d in dims) count = d == 0 ? 0 : (count > long.MaxValue / d ? throw r.Corrupt($"constant '{name}' is too large") : count * d);
        if (type == DataType.String)
        {
            int ns = r.Count(4);
            if (ns != count) throw r.Corrupt($"string constant '{name}' has {ns} strings for {count} elements");
            var s = new string[ns];
            for (int i = 0; i < ns; i++) s[i] = Str(ref r, strings);
            return new ConstantTensor(dims, s);
        }
        ulong offset = r.U64();
        ulong length = r.U64();
        if (offset > (ulong)weightsSize || length > (ulong)weightsSize - offset) throw r.Corrupt($"constant '{name}' lies outside the Weights section");
        if ((long)length != DataTypeInfo.ByteSize(type, count)) throw r.Corrupt($"constant '{name}' has {length} bytes for {count} elements of {DataTypeInfo.Name(type)}");
        return new ConstantTensor(type, dims, weights + offset, (long)length);
    }

    /// <summary>Attribute tensors are small and stored inline in the Graphs section.</summary>
    private static ConstantTensor ReadInlineTensor(ref SectionReader r, string[] strings)
    {
        var type = Type(ref r, allowUndefined: false);
        var dims = Dims(ref r);
        if (type == DataType.String)
        {
            int ns = r.Count(4);
            var s = new string[ns];
            for (int i = 0; i < ns; i++) s[i] = Str(ref r, strings);
            return new ConstantTensor(dims, s);
        }
        int length = r.Count(1);
        long count = 1;
        foreach (var d in dims) count *= d;
        if (length != DataTypeInfo.ByteSize(type, count)) throw r.Corrupt($"inline tensor has {length} bytes for {count} elements");
        return new ConstantTensor(type, dims, r.Bytes(length));
    }

    private static GraphDefinition[] ReadGraphs(ReadOnlySpan<byte> data, string[] strings, int valueCount)
    {
        var r = new SectionReader(data, "Graphs");
        int n = r.Count(16);
        if (n == 0) throw r.Corrupt("no graphs");
        var graphs = new GraphDefinition[n];
        for (int g = 0; g < n; g++)
        {
            string name = Str(ref r, strings);
            var inputs = Indices(ref r, valueCount, allowMissing: false);
            var outputs = Indices(ref r, valueCount, allowMissing: false);
            int nodeCount = r.Count(16);
            var nodes = new NodeDefinition[nodeCount];
            for (int k = 0; k < nodeCount; k++)
            {
                string nodeName = Str(ref r, strings);
                var op = (OpCode)r.U16();
                if (!OpCatalog.IsKnown(op)) throw r.Corrupt($"unknown op code {(int)op} in node '{nodeName}'");
                int version = r.U16();
                var nin = Indices(ref r, valueCount, allowMissing: true);
                var nout = Indices(ref r, valueCount, allowMissing: true);
                int na = r.Count(5);
                var attrs = new Model.Attribute[na];
                for (int a = 0; a < na; a++) attrs[a] = ReadAttribute(ref r, strings, g, n);
                nodes[k] = new NodeDefinition { Name = nodeName, Op = op, Version = version, Inputs = nin, Outputs = nout, Attributes = new AttributeSet(attrs) };
            }
            graphs[g] = new GraphDefinition { Name = name, Inputs = inputs, Outputs = outputs, Nodes = nodes };
        }
        return graphs;
    }

    private static int[] Indices(ref SectionReader r, int valueCount, bool allowMissing)
    {
        int n = r.Count(4);
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            int v = r.I32();
            if (v >= valueCount || v < (allowMissing ? -1 : 0)) throw r.Corrupt($"value index {v} out of range");
            result[i] = v;
        }
        return result;
    }

    private static Model.Attribute ReadAttribute(ref SectionReader r, string[] strings, int graph, int graphCount)
    {
        string name = Str(ref r, strings);
        var type = (AttributeType)r.U8();
        int GraphIndex(ref SectionReader rr)
        {
            uint gi = rr.U32();
            // Subgraphs come after the graph that owns them, so execution cannot recurse forever.
            if (gi <= (uint)graph || gi >= (uint)graphCount) throw rr.Corrupt($"subgraph index {gi} out of range");
            return (int)gi;
        }
        switch (type)
        {
            case AttributeType.Float: return new Model.Attribute { Name = name, Type = type, Float = r.F32() };
            case AttributeType.Int: return new Model.Attribute { Name = name, Type = type, Int = r.I64() };
            case AttributeType.String: return new Model.Attribute { Name = name, Type = type, String = Str(ref r, strings) };
            case AttributeType.Tensor: return new Model.Attribute { Name = name, Type = type, Tensor = ReadInlineTensor(ref r, strings) };
            case AttributeType.Graph: return new Model.Attribute { Name = name, Type = type, Graphs = [GraphIndex(ref r)] };
            case AttributeType.Floats:
            {
                var f = new float[r.Count(4)];
                for (int i = 0; i < f.Length; i++) f[i] = r.F32();
                return new Model.Attribute { Name = name, Type = type, Floats = f };
            }
            case AttributeType.Ints:
            {
                var v = new long[r.Count(8)];
                for (int i = 0; i < v.Length; i++) v[i] = r.I64();
                return new Model.Attribute { Name = name, Type = type, Ints = v };
            }
            case AttributeType.Strings:
            {
                var s = new string[r.Count(4)];
                for (int i = 0; i < s.Length; i++) s[i] = Str(ref r, strings);
                return new Model.Attribute { Name = name, Type = type, Strings = s };
            }
            case AttributeType.Tensors:
            {
                var t = new ConstantTensor[r.Count(9)];
                for (int i = 0; i < t.Length; i++) t[i] = ReadInlineTensor(ref r, strings);
                return new Model.Attribute { Name = name, Type = type, Tensors = t };
            }
            case AttributeType.Graphs:
            {
                var gs = new int[r.Count(4)];
                for (int i = 0; i < gs.Length; i++) gs[i] = GraphIndex(ref r);
                return new Model.Attribute { Name = name, Type = type, Graphs = gs };
            }
            case AttributeType.TypeProto:
            {
                // Kept as kind (Ints[0]) and element type (Int).
                var kind = r.U8();
                var elem = r.U8();
                return new Model.Attribute { Name = name, Type = type, Int = elem, Ints = [kind] };
            }
            default:
                throw r.Corrupt($"unknown attribute type {(int)type} of attribute '{name}'");
        }
    }

    private static MemoryPlan ReadPlan(ReadOnlySpan<byte> data, int valueCount)
    {
        var r = new SectionReader(data, "MemoryPlan");
        long arena = r.I64();
        if (arena < 0 || arena > (1L << 40)) throw r.Corrupt($"arena size {arena} is not plausible");
        int n = r.Count(16);
        if (n != valueCount) throw r.Corrupt($"plan has {n} entries for {valueCount} values");
        var offsets = new long[n];
        var sizes = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            offsets[i] = r.I64();
            sizes[i] = r.I64();
            if (offsets[i] < -1 || sizes[i] < 0 || sizes[i] > arena || (offsets[i] >= 0 && offsets[i] + sizes[i] > arena)) throw r.Corrupt($"slot of value {i} lies outside the arena");
            if (offsets[i] >= 0) total += sizes[i];
        }
        // A plan never needs more than all its slots side by side.
        if (arena > total) throw r.Corrupt($"arena size {arena} exceeds the {total} bytes of its slots");
        return new MemoryPlan { ArenaSize = arena, Offsets = offsets, Sizes = sizes };
    }

    private static Dictionary<string, string> ReadMetadata(ReadOnlySpan<byte> data, string[] strings)
    {
        var r = new SectionReader(data, "Metadata");
        int n = r.Count(8);
        var d = new Dictionary<string, string>(n);
        for (int i = 0; i < n; i++)
        {
            string k = Str(ref r, strings);
            d[k] = Str(ref r, strings);
        }
        return d;
    }
}

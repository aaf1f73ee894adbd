using System.Buffers.Binary;
using EdgeML.Runtime;
using EdgeML.Runtime.Format;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using XxHash64 = System.IO.Hashing.XxHash64;
using EdgeML.Runtime.IO;

namespace EdgeML.Compiler.Emit;

/// <summary>
/// Serializes a <see cref="ModelDefinition"/> into the .edgeml format (docs/format.md): a 64-byte
/// header, a section table, and 64-byte-aligned sections each with its xxHash64. Writing to disk goes
/// through a temporary file and a rename, so a failure never leaves a half-written model.
/// </summary>
public static class EdgeMLWriter
{
    public static byte[] Write(ModelDefinition model)
    {
        var strings = new StringTable();
        var weights = new SectionWriter();
        var values = WriteValues(model, strings, weights);
        var graphs = WriteGraphs(model, strings);
        var plan = WritePlan(model.Plan);
        var metadata = WriteMetadata(model.Metadata, strings);
        var sections = new List<(SectionKind Kind, byte[] Data)>
        {
            (SectionKind.Strings, strings.Write()),
            (SectionKind.Values, values),
            (SectionKind.Graphs, graphs),
            (SectionKind.MemoryPlan, plan),
            (SectionKind.Metadata, metadata),
            (SectionKind.Weights, weights.ToArray()),
        };
        foreach (var (kind, data) in model.ExtraSections.OrderBy(kv => kv.Key))
        {
            if (kind < FormatConstants.FirstExtensionKind) throw new ArgumentException($"extra section kind {kind} is reserved for core sections");
            sections.Add(((SectionKind)kind, data));
        }
        return Assemble(sections);
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static long WriteFile(ModelDefinition model, string path)
    {
        var bytes = Write(model);
        AtomicFile.Write(path, bytes);
        return bytes.Length;
    }

    private static byte[] Assemble(List<(SectionKind Kind, byte[] Data)> sections)
    {
        int tableOffset = FormatConstants.HeaderSize;
        long offset = FormatConstants.Align(tableOffset + sections.Count * FormatConstants.SectionEntrySize);
        var placed = new List<(SectionKind Kind, long Offset, byte[] Data)>();
        foreach (var (kind, data) in sections)
        {
            placed.Add((kind, offset, data));
            offset = FormatConstants.Align(offset + data.Length);
        }
        long fileSize = placed.Count == 0 ? offset : placed[^1].Offset + placed[^1].Data.Length;
        var file = new byte[fileSize];
        var header = file.AsSpan(0, FormatConstants.HeaderSize);
        FormatConstants.Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], FormatConstants.MajorVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], FormatConstants.MinorVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)placed.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)tableOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(header[24..], (ulong)fileSize);
        for (int i = 0; i < placed.Count; i++)
        {
            var (kind, off, data) = placed[i];
            var e = file.AsSpan(tableOffset + i * FormatConstants.SectionEntrySize, FormatConstants.SectionEntrySize);
            BinaryPrimitives.WriteUInt32LittleEndian(e, (uint)kind);
            BinaryPrimitives.WriteUInt32LittleEndian(e[4..], 0);
            BinaryPrimitives.WriteUInt64LittleEndian(e[8..], (ulong)off);
            BinaryPrimitives.WriteUInt64LittleEndian(e[16..], (ulong)data.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(e[24..], XxHash64.HashToUInt64(data));
            data.CopyTo(file.AsSpan((int)off));
        }
        var hashInput = new byte[FormatConstants.HeaderChecksumOffset + placed.Count * FormatConstants.SectionEntrySize];
        file.AsSpan(0, FormatConstants.HeaderChecksumOffset).CopyTo(hashInput);
        file.AsSpan(tableOffset, placed.Count * FormatConstants.SectionEntrySize).CopyTo(hashInput.AsSpan(FormatConstants.HeaderChecksumOffset));
        BinaryPrimitives.WriteUInt64LittleEndian(header[FormatConstants.HeaderChecksumOffset..], XxHash64.HashToUInt64(hashInput));
        return file;
    }

    private static byte[] WriteValues(ModelDefinition model, StringTable strings, SectionWriter weights)
    {
        var w = new SectionWriter();
        w.Count(model.Values.Length);
        foreach (var v in model.Values)
        {
            w.U32(strings.Add(v.Name));
            w.U8((byte)v.Kind);
            w.U8((byte)v.Type);
            byte flags = 0;
            if (v.Shape != null) flags |= FormatConstants.ValueHasShape;
            if (v.Constant != null) flags |= FormatConstants.ValueIsConstant;
            if (v.Quantization != null) flags |= FormatConstants.ValueHasQuantization;
            w.U8(flags);
            w.U8(0);
            if (v.Shape != null)
            {
                w.Count(v.Shape.Length);
                foreach (var d in v.Shape)
                {
                    w.I64(d.IsFixed ? d.Size : -1);
                    w.U32(d.Symbol != null ? strings.Add(d.Symbol) : FormatConstants.NoString);
                }
            }
            if (v.Constant is { } c)
            {
                Dims(w, c.Shape);
                if (c.Type == DataType.String)
                {
                    w.Count(c.Strings!.Length);
                    foreach (var s in c.Strings) w.U32(strings.Add(s));
                }
                else
                {
                    // SIMD kernels read weights in place, so they start on a cache line; a constant
                    // smaller than one (a scalar, a shape) only needs its element alignment.
                    weights.Pad(c.ByteLength >= FormatConstants.SectionAlignment ? FormatConstants.SectionAlignment : FormatConstants.SmallConstantAlignment);
                    w.U64((ulong)weights.Length);
                    w.U64((ulong)c.ByteLength);
                    weights.Bytes(c.Bytes);
                }
            }
            if (v.Quantization is { } q)
            {
                w.Count(q.Scales.Length);
                foreach (var s in q.Scales) w.F32(s);
                w.Count(q.ZeroPoints.Length);
                foreach (var z in q.ZeroPoints) w.I64(z);
                w.I32(q.Axis);
            }
        }
        return w.ToArray();
    }

    private static void Dims(SectionWriter w, long[] dims)
    {
        w.Count(dims.Length);
        foreach (var d in dims) w.I64(d);
    }

    private static void InlineTensor(SectionWriter w, ConstantTensor t, StringTable strings)
    {
        w.U8((byte)t.Type);
        Dims(w, t.Shape);
        if (t.Type == DataType.String)
        {
            w.Count(t.Strings!.Length);
            foreach (var s in t.Strings) w.U32(strings.Add(s));
            return;
        }
        w.Count((int)t.ByteLength);
        w.Bytes(t.Bytes);
    }

    private static byte[] WriteGraphs(ModelDefinition model, StringTable strings)
    {
        var w = new SectionWriter();
        w.Count(model.Graphs.Length);
        foreach (var g in model.Graphs)
        {
            w.U32(strings.Add(g.Name));
            Indices(w, g.Inputs);
            Indices(w, g.Outputs);
            w.Count(g.Nodes.Length);
            foreach (var n in g.Nodes)
            {
                w.U32(strings.Add(n.Name));
                w.U16((ushort)n.Op);
                w.U16((ushort)n.Version);
                Indices(w, n.Inputs);
                Indices(w, n.Outputs);
                w.Count(n.Attributes.Items.Count);
                foreach (var a in n.Attributes.Items) WriteAttribute(w, a, strings);
            }
        }
        return w.ToArray();
    }

    private static void Indices(SectionWriter w, int[] indices)
    {
        w.Count(indices.Length);
        foreach (var i in indices) w.I32(i);
    }

    private static void WriteAttribute(SectionWriter w, Runtime.Model.Attribute a, StringTable strings)
    {
        w.U32(strings.Add(a.Name));
        w.U8((byte)a.Type);
        switch (a.Type)
        {
            case AttributeType.Float: w.F32(a.Float); break;
            case AttributeType.Int: w.I64(a.Int); break;
            case AttributeType.String: w.U32(strings.Add(a.String)); break;
            case AttributeType.Tensor: InlineTensor(w, a.Tensor!, strings); break;
            case AttributeType.Graph: w.U32((uint)a.Graph); break;
            case AttributeType.Floats: w.Count(a.Floats.Length); foreach (var f in a.Floats) w.F32(f); break;
            case AttributeType.Ints: w.Count(a.Ints.Length); foreach (var i in a.Ints) w.I64(i); break;
            case AttributeType.Strings: w.Count(a.Strings.Length); foreach (var s in a.Strings) w.U32(strings.Add(s)); break;
            case AttributeType.Tensors: w.Count(a.Tensors.Length); foreach (var t in a.Tensors) InlineTensor(w, t, strings); break;
            case AttributeType.Graphs: w.Count(a.Graphs.Length); foreach (var g in a.Graphs) w.U32((uint)g); break;
            case AttributeType.TypeProto: w.U8((byte)a.Ints[0]); w.U8((byte)a.Int); break;
            default: throw new EdgeMLException($"attribute '{a.Name}' has a type ({a.Type}) the format cannot store");
        }
    }

    private static byte[] WritePlan(MemoryPlan plan)
    {
        var w = new SectionWriter();
        w.I64(plan.ArenaSize);
        w.Count(plan.Offsets.Length);
        for (int i = 0; i < plan.Offsets.Length; i++)
        {
            w.I64(plan.Offsets[i]);
            w.I64(plan.Sizes[i]);
        }
        return w.ToArray();
    }

    private static byte[] WriteMetadata(Dictionary<string, string> metadata, StringTable strings)
    {
        var w = new SectionWriter();
        w.Count(metadata.Count);
        foreach (var (k, v) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.U32(strings.Add(k));
            w.U32(strings.Add(v));
        }
        return w.ToArray();
    }
}

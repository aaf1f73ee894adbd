using EdgeML.Runtime.Format;
using EdgeML.Runtime.Model;

namespace EdgeML.Runtime.Monitoring;

/// <summary>
/// The training data's per-feature distribution that a device compares live inputs against to detect
/// drift: the MonitoringBaseline section (kind 17) of a .edgeml file, decoded. The encoding is
/// described in docs/format.md (MonitoringBaseline); every count and length is checked before use, so a
/// corrupt section is one <see cref="EdgeMLException"/>.
/// </summary>
public sealed class FeatureBaseline
{
    /// <summary>"EMBL": the section's first four bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "EMBL"u8;

    /// <summary>The encoding version this reader understands; a newer major version is refused.</summary>
    public const ushort Version = 1;

    private const string SectionName = "MonitoringBaseline";

    public required uint TrainingRows { get; init; }
    public required IReadOnlyList<FeatureStatistics> Features { get; init; }

    public FeatureStatistics? Find(string name)
    {
        foreach (var f in Features) if (f.Name == name) return f;
        return null;
    }

    /// <summary>The model's baseline, or null when the file carries none.</summary>
    public static FeatureBaseline? FromModel(ModelDefinition model) =>
        model.ExtraSections.TryGetValue((uint)SectionKind.MonitoringBaseline, out var bytes) ? Read(bytes) : null;

    public static FeatureBaseline Read(ReadOnlySpan<byte> section)
    {
        var r = new SectionReader(section, SectionName);
        if (!r.Bytes(4).SequenceEqual(Magic)) throw r.Corrupt("the magic bytes are wrong");
        var version = r.U16();
        if (version != Version) throw new EdgeMLException($"unsupported monitoring baseline version {version} (this runtime reads version {Version})");
        r.U16(); // flags: none defined in version 1
        var rows = r.U32();
        var count = r.Count(8);
        var features = new FeatureStatistics[count];
        for (int i = 0; i < count; i++) features[i] = ReadFeature(ref r);
        if (r.Remaining != 0) throw r.Corrupt($"{r.Remaining} bytes after the last feature");
        return new FeatureBaseline { TrainingRows = rows, Features = features };
    }

    private static FeatureStatistics ReadFeature(ref SectionReader r)
    {
        var name = r.Utf8(r.U16());
        var kindByte = r.U8();
        if (kindByte > (byte)BaselineFeatureKind.Categorical) throw r.Corrupt($"feature '{name}': unknown kind {kindByte}");
        var kind = (BaselineFeatureKind)kindByte;
        r.U8(); // reserved
        var missing = r.F32();
        if (!(missing >= 0 && missing <= 1)) throw r.Corrupt($"feature '{name}': missing rate {missing} is not in [0, 1]");
        if (kind == BaselineFeatureKind.Categorical)
        {
            var categories = new (string, float)[CheckedCount(ref r, r.U16(), 6)];
            for (int c = 0; c < categories.Length; c++) categories[c] = (r.Utf8(r.U16()), r.F32());
            return new FeatureStatistics { Name = name, Kind = kind, MissingRate = missing, Categories = categories };
        }
        var mean = r.F32();
        var deviation = r.F32();
        var quantiles = CheckedCount(ref r, r.U8(), 8);
        var levels = new float[quantiles];
        var values = new float[quantiles];
        for (int q = 0; q < quantiles; q++)
        {
            levels[q] = r.F32();
            values[q] = r.F32();
            if (q > 0 && !(levels[q] > levels[q - 1])) throw r.Corrupt($"feature '{name}': quantile levels are not ascending");
        }
        var bins = CheckedCount(ref r, r.U16(), 8);
        var edges = new float[bins == 0 ? 0 : bins + 1];
        for (int e = 0; e < edges.Length; e++)
        {
            edges[e] = r.F32();
            if (e > 0 && edges[e] < edges[e - 1]) throw r.Corrupt($"feature '{name}': histogram edges are not ascending");
        }
        var counts = new uint[bins];
        for (int b = 0; b < bins; b++) counts[b] = r.U32();
        return new FeatureStatistics
        {
            Name = name, Kind = kind, MissingRate = missing, Mean = mean, StandardDeviation = deviation,
            QuantileLevels = levels, QuantileValues = values, HistogramEdges = edges, HistogramCounts = counts,
        };
    }

    /// <summary>A count read from the file may not promise more bytes than remain.</summary>
    private static int CheckedCount(ref SectionReader r, int count, int minBytesEach)
    {
        if ((long)count * minBytesEach > r.Remaining) throw r.Corrupt($"count {count} exceeds the section");
        return count;
    }
}

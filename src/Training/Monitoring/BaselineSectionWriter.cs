using System.Buffers.Binary;
using System.Text;
using EdgeML.Runtime.Monitoring;
using EdgeML.Training.Data;

namespace EdgeML.Training.Monitoring;

/// <summary>
/// Encodes the training feature baseline as the .edgeml MonitoringBaseline section (version 1, read on the
/// device by <see cref="Runtime.Monitoring.FeatureBaseline"/>; layout in docs/format.md). Numbers
/// are float32, as the model's inputs are; at most <see cref="MaxCategories"/> categories are kept per
/// feature, the most frequent, so one high-cardinality column cannot bloat the model.
/// </summary>
internal static class BaselineSectionWriter
{
    public const int MaxCategories = 256;

    public static byte[] Write(IReadOnlyList<Data.FeatureBaseline> features, int trainingRows)
    {
        using var stream = new MemoryStream();
        var w = new LittleEndianWriter(stream);
        stream.Write(Runtime.Monitoring.FeatureBaseline.Magic);
        w.U16(Runtime.Monitoring.FeatureBaseline.Version);
        w.U16(0);
        w.U32((uint)trainingRows);
        w.U32((uint)features.Count);
        foreach (var feature in features) WriteFeature(w, feature);
        return stream.ToArray();
    }

    private static void WriteFeature(LittleEndianWriter w, Data.FeatureBaseline feature)
    {
        w.ShortText(feature.Column);
        var categorical = feature.Kind == "categorical";
        w.U8((byte)(categorical ? BaselineFeatureKind.Categorical : BaselineFeatureKind.Numeric));
        w.U8(0);
        w.F32((float)feature.MissingRate);
        if (categorical)
        {
            var kept = (feature.CategoryFrequencies ?? []).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(MaxCategories).ToList();
            w.U16((ushort)kept.Count);
            foreach (var (value, frequency) in kept)
            {
                w.ShortText(value);
                w.F32((float)frequency);
            }
            return;
        }
        w.F32((float)(feature.Mean ?? double.NaN));
        w.F32((float)(feature.StandardDeviation ?? double.NaN));
        var quantiles = feature.Quantiles ?? [];
        if (quantiles.Length > byte.MaxValue) throw new TrainingException($"baseline of '{feature.Column}': {quantiles.Length} quantiles (at most 255)");
        w.U8((byte)quantiles.Length);
        for (var q = 0; q < quantiles.Length; q++)
        {
            w.F32((float)feature.QuantileLevels![q]);
            w.F32((float)quantiles[q]);
        }
        var counts = feature.HistogramCounts ?? [];
        w.U16((ushort)counts.Length);
        if (counts.Length == 0) return;
        foreach (var edge in feature.HistogramEdges!) w.F32((float)edge);
        foreach (var count in counts) w.U32((uint)count);
    }

    /// <summary>Little-endian primitives onto a stream.</summary>
    private sealed class LittleEndianWriter(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8];

        public void U8(byte value) => stream.WriteByte(value);

        public void U16(ushort value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer, value);
            stream.Write(_buffer, 0, 2);
        }

        public void U32(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer, value);
            stream.Write(_buffer, 0, 4);
        }

        public void F32(float value)
        {
            BinaryPrimitives.WriteSingleLittleEndian(_buffer, value);
            stream.Write(_buffer, 0, 4);
        }

        /// <summary>UTF-8 with a u16 byte length.</summary>
        public void ShortText(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (bytes.Length > ushort.MaxValue) throw new TrainingException($"baseline: name of {bytes.Length} bytes is too long (at most 65535)");
            U16((ushort)bytes.Length);
            stream.Write(bytes);
        }
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;

namespace EdgeML.Training.Models;

/// <summary>Builds ML.NET data views from encoded rows: a fixed-size "Features" vector plus label, weight, group.</summary>
internal static class MlNetData
{
    private sealed class FeatureRow
    {
        public float[] Features = [];
    }

    private sealed class LabelledRow
    {
        public float[] Features = [];
        public float Label;
        public uint ClassKey;
        public bool Positive;
        public float Weight;
        public uint GroupKey;
    }

    public static IDataView Features(MLContext ml, float[][] rows, int width)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r }), schema);
    }

    /// <summary>
    /// Label columns: Label (float), ClassKey (key of the class index), Positive (bool), Weight, GroupKey.
    /// LoadFromEnumerable stores a key field's raw value 0-based (raw k = the (k+1)-th key), so indices go in as they are.
    /// </summary>
    public static IDataView Labelled(MLContext ml, LearningData data, int classes)
    {
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Width);
        schema[nameof(LabelledRow.ClassKey)].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(classes, 1));
        var groups = data.Groups?.Distinct().Count() ?? 1;
        schema[nameof(LabelledRow.GroupKey)].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(groups, 1));
        var groupIndex = data.Groups?.Distinct().Select((g, i) => (g, i)).ToDictionary(p => p.g, p => (uint)p.i);
        var rows = Enumerable.Range(0, data.Rows).Select(i => new LabelledRow
        {
            Features = data.Features[i],
            Label = (float)data.Target[i],
            ClassKey = classes > 0 && !double.IsNaN(data.Target[i]) ? (uint)data.Target[i] : 0,
            Positive = data.Target[i] >= 0.5,
            Weight = data.Weights?[i] ?? 1f,
            GroupKey = groupIndex is null ? 0 : groupIndex[data.Groups![i]],
        }).ToList();
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}

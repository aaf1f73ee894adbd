using System.Globalization;
using EdgeML.Training.Data;
using EdgeML.Training.Models;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// The label as the learners see it: class index (classes sorted, the positive class last for binary) or a
/// numeric value; NaN where there is no label. Rejects labels that cannot frame the task, with one-line reasons.
/// </summary>
internal sealed record TargetColumn(double[] Values, IReadOnlyList<string> Classes)
{
    public bool IsClassification => Classes.Count > 0;

    public static TargetColumn Build(DataTable table, string? label, LearningTask task, TrainingConfig config)
    {
        if (label is null)
        {
            if (task is LearningTask.Clustering or LearningTask.Anomaly) return new TargetColumn(Enumerable.Repeat(double.NaN, table.RowCount).ToArray(), []);
            throw new TrainingException($"--label is required for a {task.ToString().ToLowerInvariant()} task");
        }
        if (!table.Has(label)) throw new TrainingException($"label column '{label}' not found (columns: {string.Join(", ", table.Columns.Select(c => c.Name))})");
        var column = table[label];
        if (column.MissingCount() == column.Length) throw new TrainingException($"label column '{label}' has no values");

        if (task.IsClassification())
        {
            string?[] text;
            if (config.LabelThreshold is { } threshold)
            {
                if (column.Numbers is null) throw new TrainingException($"labelThreshold needs a numeric label column; '{label}' is not numeric");
                text = column.Numbers.Select(v => double.IsNaN(v) ? null : v > threshold ? "true" : "false").ToArray();
            }
            else text = Enumerable.Range(0, column.Length).Select(i => column.IsMissing(i) ? null : column.Format(i)).ToArray();
            var classes = text.Where(t => t is not null).Distinct(StringComparer.Ordinal).OrderBy(t => t, StringComparer.Ordinal).Select(t => t!).ToList();
            if (classes.Count < 2) throw new TrainingException($"label column '{label}' has a single class ('{classes[0]}'): nothing to classify");
            if (task == LearningTask.Binary)
            {
                if (classes.Count > 2) throw new TrainingException($"label column '{label}' has {classes.Count} classes; use --task multiclass or set labelThreshold");
                var positive = config.PositiveClass ?? classes[1];
                if (!classes.Contains(positive)) throw new TrainingException($"positiveClass '{positive}' is not a value of '{label}'");
                classes = [classes.First(c => c != positive), positive];
            }
            if (classes.Count > 200) throw new TrainingException($"label column '{label}' has {classes.Count} distinct values: too many classes (is it numeric? use --task regression)");
            var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (double)p.i, StringComparer.Ordinal);
            return new TargetColumn(text.Select(t => t is null ? double.NaN : index[t]).ToArray(), classes);
        }
        if (column.Kind != ColumnKind.Numeric)
            throw new TrainingException($"label column '{label}' is not numeric (e.g. '{column.Strings!.FirstOrDefault(s => s is not null && !SchemaInference.TryNumber(s, out _))}'); a {task.ToString().ToLowerInvariant()} task needs numbers");
        return new TargetColumn((double[])column.Numbers!.Clone(), []);
    }

    public string Format(double value) => double.IsNaN(value) ? "" : IsClassification ? Classes[(int)value] : value.ToString("R", CultureInfo.InvariantCulture);
}

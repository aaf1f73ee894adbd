using System.Globalization;
using System.Text;
using EdgeML.Training.Models;
using EdgeML.Runtime.IO;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// predictions.csv for the test split: row_id (0-based row in the data file), true label, prediction, and the
/// probability of every class (classification) or the score. Values are round-trippable so metrics recompute exactly.
/// </summary>
internal static class PredictionsFile
{
    public static void Write(string path, int[] rowIds, double[] truth, TargetColumn target, LearningTask task, ModelOutput output, int[]? predictedClasses)
    {
        var csv = new StringBuilder();
        var header = new List<string> { "row_id", "label", "prediction" };
        if (output.Probabilities is not null) header.AddRange(target.Classes.Select(c => "p_" + c));
        else header.Add("score");
        csv.AppendLine(string.Join(',', header.Select(Quote)));
        for (var i = 0; i < rowIds.Length; i++)
        {
            var cells = new List<string> { rowIds[i].ToString(CultureInfo.InvariantCulture), target.Format(truth[i]) };
            if (output.Probabilities is not null)
            {
                cells.Add(target.Classes[predictedClasses![i]]);
                cells.AddRange(output.Probabilities[i].Select(p => p.ToString("R", CultureInfo.InvariantCulture)));
            }
            else
            {
                cells.Add(task == LearningTask.Clustering ? output.Clusters![i].ToString(CultureInfo.InvariantCulture) : output.Scores![i].ToString("R", CultureInfo.InvariantCulture));
                cells.Add(output.Scores![i].ToString("R", CultureInfo.InvariantCulture));
            }
            csv.AppendLine(string.Join(',', cells.Select(Quote)));
        }
        AtomicFile.WriteText(path, csv.ToString());
    }

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}

using System.Globalization;
using System.Net;
using System.Text;
using EdgeML.Training.Data;
using EdgeML.Training.Metrics;
using EdgeML.Training.Models;
using EdgeML.Training.Pipeline;
using EdgeML.Runtime.IO;

namespace EdgeML.Training.Reports;

/// <summary>report.html: framing, EDA, leakage checks, preparation, models vs baselines, test figures, plots, robustness.</summary>
internal static class HtmlReport
{
    public static void Write(string path, TrainingResult result, ExploratoryAnalysis eda, LearningTask task, ModelOutput output, double[] truth, IReadOnlyList<string> classes)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>EdgeML training report</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0;display:block;overflow-x:auto;max-width:100%}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
            .Append("th{background:#f0f0f0}td:first-child,th:first-child{text-align:left}.pass{color:#070}.fail{color:#b00;font-weight:bold}img{margin:4px}</style></head><body>");
        html.Append($"<h1>EdgeML training report</h1><p>Task <b>{E(result.Task)}</b>, label <b>{E(result.Label ?? "(none)")}</b>, objective <b>{E(result.Objective)}</b> ({(result.ObjectiveHigherIsBetter ? "higher" : "lower")} is better). ");
        html.Append($"Best model: <b>{E(result.BestModel)}</b>; test {E(result.Objective)} = <b>{F(result.TestMetrics.GetValueOrDefault(result.Objective, double.NaN))}</b>; ");
        html.Append(result.BeatsAllBaselines ? "<span class=pass>beats every baseline</span>" : "<span class=fail>does NOT beat every baseline</span>").Append("</p>");

        Section(html, "Problem framing and constraints");
        html.Append($"<p>Decision threshold (from false-positive/false-negative costs): {F(result.DecisionThreshold)}.</p>");
        if (result.Constraints.Count == 0) html.Append("<p>No constraints declared (config: constraints.maxLatencyMs, maxModelSizeKb, usefulnessThreshold).</p>");
        else Table(html, ["constraint", "limit", "measured", "result"], result.Constraints.Select(c => new[] { c.Name, c.Limit, c.Measured, Pass(c.Passed) }));

        Section(html, "Data (EDA)");
        html.Append($"<p>{eda.Rows} rows; {result.DroppedUnlabelledRows} dropped for a missing label. Split: {E(result.SplitMethod)} — train {result.TrainRows}, validation {result.ValidationRows}, test {result.TestRows}.</p>");
        Table(html, ["column", "type", "missing %", "distinct", "mean", "std", "min", "median", "max", "top values"], eda.Columns.Select(c => new[]
            { c.Name, c.Kind, F(c.MissingPercent), c.Distinct.ToString(CultureInfo.InvariantCulture), F(c.Mean), F(c.StandardDeviation), F(c.Min), F(c.Median), F(c.Max), c.TopValues ?? "" }));
        if (eda.LabelBalance.Count > 0)
            Table(html, ["label value", "rows"], eda.LabelBalance.Select(kv => new[] { kv.Key, kv.Value.ToString(CultureInfo.InvariantCulture) }));
        if (eda.NumericColumns.Count > 1)
            Table(html, ["correlation", .. eda.NumericColumns], eda.NumericColumns.Select((n, i) => new[] { n }.Concat(eda.Correlations[i].Select(v => F(v))).ToArray()));

        Section(html, "Leakage checks");
        var leak = result.Leakage;
        Table(html, ["check", "finding"],
        [
            ["statistics (imputation, scaling, encoding, selection) fitted on", leak.StatisticsFittedOn],
            ["identical feature rows in train and validation/test", leak.DuplicateRowsAcrossSplits.ToString(CultureInfo.InvariantCulture)],
            ["test rows dated at or before the newest training row", leak.TestRowsBeforeLatestTrainingRow?.ToString(CultureInfo.InvariantCulture) ?? "no time column"],
            ["newest training time / earliest test time", leak.LatestTrainingTime is null ? "–" : $"{leak.LatestTrainingTime} / {leak.EarliestTestTime}"],
            ["groups in more than one split", leak.GroupsInMoreThanOneSplit?.ToString(CultureInfo.InvariantCulture) ?? "no group column"],
        ]);

        Section(html, "Preparation");
        html.Append("<ul>").Append(string.Concat(result.Preparation.Select(p => $"<li>{E(p)}</li>"))).Append("</ul>");

        Section(html, "Models and baselines");
        var metricNames = result.Candidates.SelectMany(c => c.TestMetrics.Keys).Distinct().OrderBy(k => k != result.Objective).ThenBy(k => k).Take(9).ToArray();
        var crossValidated = result.Candidates.FirstOrDefault(c => c.CrossValidation is not null)?.CrossValidation;
        string[] selectionHeader = crossValidated is null ? [$"validation {result.Objective}"]
            : [$"validation {result.Objective}", $"CV {result.Objective} ({crossValidated.Method}, {crossValidated.Folds.Length} folds) mean ± sd"];
        Table(html, ["model", "kind", .. selectionHeader, .. metricNames.Select(m => "test " + m), "train s"], result.Candidates.Select(c =>
        {
            var selection = crossValidated is null ? [F(c.ValidationObjective)]
                : new[] { F(c.ValidationObjective), c.CrossValidation is { } cv ? $"{F(cv.Mean)} ± {F(cv.StandardDeviation)}" : "–" };
            return new[] { c.Name + (c.Name == result.BestModel && !c.IsBaseline ? " ★" : ""), c.IsBaseline ? "baseline" : "model" }.Concat(selection)
                .Concat(metricNames.Select(m => F(c.TestMetrics.GetValueOrDefault(m, double.NaN)))).Append(F(c.TrainSeconds)).ToArray();
        }));
        html.Append($"<p>The best model is chosen by the {(crossValidated is null ? "validation split" : "cross-validated mean over the training split")}; the test split only reports.</p>");
        html.Append(Img(Charts.Bars($"test {result.Objective}", result.Candidates.Select(c => c.Name).ToArray(),
            result.Candidates.Select(c => Finite(c.TestMetrics.GetValueOrDefault(result.Objective, double.NaN))).ToArray())));

        Section(html, "Best model on the test split");
        Table(html, ["metric", "value"], result.TestMetrics.Select(kv => new[] { kv.Key, F(kv.Value) }));
        if (task.IsClassification()) Classification(html, output, truth, classes, result);
        if (task == LearningTask.Regression)
            html.Append(Img(Charts.Points("predicted vs actual (test)", "actual", "predicted", truth, output.Scores!, diagonal: true)));
        Deployment(html, result.Deployment);

        if (result.Slices.Count > 0)
        {
            Section(html, "Slices");
            Table(html, ["column", "value", "rows", result.Objective], result.Slices.Select(s => new[] { s.Column, s.Value, s.Rows.ToString(CultureInfo.InvariantCulture), F(s.Objective) }));
        }
        if (result.PermutationImportance.Count > 0)
        {
            Section(html, "Explainability: permutation importance");
            var top = result.PermutationImportance.OrderByDescending(kv => kv.Value).Take(15).Reverse().ToArray();
            html.Append(Img(Charts.Bars($"drop in {result.Objective} when shuffled", top.Select(kv => kv.Key).ToArray(), top.Select(kv => kv.Value).ToArray())));
        }
        if (result.Explanations is { } explanations) Explanations(html, explanations);
        if (result.Robustness.Count > 0)
        {
            Section(html, "Robustness tests");
            Table(html, ["test", "result", "figures"], result.Robustness.Select(r => new[] { r.Name, Pass(r.Passed), r.Figures }));
        }
        html.Append("</body></html>");
        AtomicFile.WriteText(path, html.ToString());
    }

    private static void Classification(StringBuilder html, ModelOutput output, double[] truth, IReadOnlyList<string> classes, TrainingResult result)
    {
        var actual = truth.Select(t => (int)t).ToArray();
        var predicted = output.Probabilities!.Select(p => classes.Count == 2 ? (p[1] >= result.DecisionThreshold ? 1 : 0) : Array.IndexOf(p, p.Max())).ToArray();
        var matrix = new ConfusionMatrix(actual, predicted, classes.Count);
        html.Append("<h3>Confusion matrix (rows: truth, columns: prediction)</h3>");
        Table(html, ["", .. classes], classes.Select((c, t) => new[] { c }.Concat(classes.Select((_, p) => matrix.Counts[t, p].ToString(CultureInfo.InvariantCulture))).ToArray()));
        Table(html, ["class", "precision", "recall", "specificity", "FPR", "F1"], classes.Select((c, k) => new[]
            { c, F(matrix.Precision(k)), F(matrix.Recall(k)), F(matrix.Specificity(k)), F(matrix.FalsePositiveRate(k)), F(matrix.F1(k)) }));
        var positive = classes.Count - 1;
        var scores = output.Probabilities!.Select(p => p[positive]).ToArray();
        var isPositive = actual.Select(t => t == positive).ToArray();
        var roc = CurveMetrics.Roc(scores, isPositive);
        var pr = CurveMetrics.PrecisionRecall(scores, isPositive);
        html.Append(Img(Charts.Line($"ROC ({classes[positive]} vs rest)", "false positive rate", "true positive rate",
            ("ROC", roc.Select(p => p.X).ToArray(), roc.Select(p => p.Y).ToArray()), ("chance", [0, 1], [0, 1]))));
        html.Append(Img(Charts.Line($"precision-recall ({classes[positive]} vs rest)", "recall", "precision", ("PR", pr.Select(p => p.X).ToArray(), pr.Select(p => p.Y).ToArray()))));
        var bins = CalibrationMetrics.ReliabilityCurve(output.Probabilities!.Select(p => p.Max()).ToArray(), predicted.Select((p, i) => Array.IndexOf(output.Probabilities![i], output.Probabilities[i].Max()) == actual[i]).ToArray())
            .Where(b => b.Count > 0).ToArray();
        html.Append(Img(Charts.Line("reliability (calibration)", "confidence", "accuracy",
            ("model", bins.Select(b => b.MeanConfidence).ToArray(), bins.Select(b => b.Accuracy).ToArray()), ("perfect", [0, 1], [0, 1]))));
    }

    private static void Explanations(StringBuilder html, Explainability.ExplanationSummary x)
    {
        Section(html, "Explainability: SHAP, LIME, integrated gradients");
        html.Append($"<p>SHAP by {E(x.ShapMethod)}, in units of {E(x.ShapUnits)}, over {x.RowsExplained} test rows. ")
            .Append($"Additivity check (Σφ = prediction − expected value): largest gap {F(x.MaxAdditivityError)}.</p>");
        var top = x.MeanAbsoluteShap.OrderByDescending(kv => kv.Value).Take(15).Reverse().ToArray();
        html.Append(Img(Charts.Bars("mean |SHAP value| (test rows)", top.Select(kv => kv.Key).ToArray(), top.Select(kv => kv.Value).ToArray())));
        var row = x.Example;
        html.Append($"<h3>Test row {row.TestRow}: {E(row.Output)} = {F(row.Prediction)} (expected value {F(row.ExpectedValue)})</h3>");
        html.Append($"<p>LIME: weighted linear surrogate around the row (weighted R² {F(row.LimeWeightedRSquared)}), coefficients per scaled feature unit. ")
            .Append(row.IntegratedGradients is null ? "Integrated gradients: not applicable (the model is not differentiable).</p>" : "Integrated gradients: from the training mean to the row, 64 steps.</p>");
        Table(html, ["feature", "SHAP", "LIME coefficient", "integrated gradients"], row.Shap.Select((s, j) => new[]
            { s.Feature, F(s.Value), F(row.Lime[j].Value), row.IntegratedGradients is null ? "–" : F(row.IntegratedGradients[j].Value) }));
    }

    private static void Deployment(StringBuilder html, DeploymentReport deployment)
    {
        html.Append("<h3>Deployed model vs trained model (test split)</h3>");
        html.Append($"<p>model.edgeml: {E(deployment.EdgeML.Status)}</p>");
        var checks = new[] { deployment.OnnxRuntime, deployment.EdgeMLVsTrained, deployment.EdgeMLVsOnnxRuntime }.OfType<ExportAgreement>().ToList();
        Table(html, ["engine", "compared with", "rows", "max |Δ output|", "label agreement", "exact (≤ 1e-4, all labels)"], checks.Select(a => new[]
            { a.Engine, a.Reference, a.Rows.ToString(CultureInfo.InvariantCulture), F(a.MaxAbsoluteDifference), F(a.LabelAgreement), Pass(a.IsExact) }));
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
    private static string Img(string uri) => $"<img src=\"{uri}\" alt=\"chart\">";
    private static string Pass(bool passed) => passed ? "<span class=pass>pass</span>" : "<span class=fail>FAIL</span>";
    private static string E(string text) => WebUtility.HtmlEncode(text);
    // Adding 0.0 turns −0 into 0, so a rounded-away sign does not show as "-0".
    private static string F(double? v) => v is null || double.IsNaN(v.Value) ? "–" : (v.Value + 0.0).ToString("G5", CultureInfo.InvariantCulture);
    private static void Section(StringBuilder html, string title) => html.Append($"<h2>{E(title)}</h2>");

    private static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        html.Append("<table><tr>").Append(string.Concat(header.Select(h => $"<th>{E(h)}</th>"))).Append("</tr>");
        foreach (var row in rows)
            html.Append("<tr>").Append(string.Concat(row.Select(c => c.StartsWith("<span", StringComparison.Ordinal) ? $"<td>{c}</td>" : $"<td>{E(c)}</td>"))).Append("</tr>");
        html.Append("</table>");
    }
}

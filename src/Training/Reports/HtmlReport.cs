using System.Globalization;
using System.Net;
using System.Text;
using EdgeML.Training.Data;
using EdgeML.Training.Metrics;
using EdgeML.Training.Models;
using EdgeML.Training.Pipeline;
using EdgeML.Runtime.IO;
using ScottPlot;

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
        if (result.Notes.Count > 0) html.Append("<ul>").Append(string.Concat(result.Notes.Select(n => $"<li class=fail>Note: {E(n)}</li>"))).Append("</ul>");

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
        if (eda.Distributions.Count > 0)
        {
            html.Append("<p>Distributions of the numeric columns (all rows, before the split; missing values left out):</p><div>");
            foreach (var (column, values) in eda.Distributions)
                html.Append(Img(Charts.Histogram(column == result.Label ? $"{column} (label)" : column, column, values)));
            html.Append("</div>");
        }

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
        html.Append(Img(Charts.Bars("models and baselines, test split",
            $"test {result.Objective} ({(result.ObjectiveHigherIsBetter ? "higher" : "lower")} is better)", result.Candidates.Select(c => c.Name).ToArray(),
            result.Candidates.Select(c => Finite(c.TestMetrics.GetValueOrDefault(result.Objective, double.NaN))).ToArray(),
            result.Candidates.Select(c => c.IsBaseline).ToArray())));
        CrossValidation(html, result);
        HyperparameterSearch(html, result);

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
            html.Append($"<p>How much the test {E(result.Objective)} worsens when one feature's column is shuffled (mean of 3 shuffles); the 15 largest.</p>");
            html.Append(Img(Charts.Bars("permutation importance (test split)", $"drop in {result.Objective} when shuffled",
                top.Select(kv => kv.Key).ToArray(), top.Select(kv => kv.Value).ToArray())));
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
        // Binary: the positive class. Multiclass: one-vs-rest per class, one line each.
        var shown = classes.Count == 2 ? [1] : Enumerable.Range(0, classes.Count).ToArray();
        string Name(int k) => classes.Count == 2 ? "model" : $"{classes[k]} vs rest";
        var roc = shown.Select(k => (Name(k), Curve(CurveMetrics.Roc(output.Probabilities!.Select(p => p[k]).ToArray(), actual.Select(t => t == k).ToArray()))))
            .Select(c => (c.Item1, c.Item2.X, c.Item2.Y)).Append(("chance", new double[] { 0, 1 }, new double[] { 0, 1 })).ToArray();
        var pr = shown.Select(k => (Name(k), Curve(CurveMetrics.PrecisionRecall(output.Probabilities!.Select(p => p[k]).ToArray(), actual.Select(t => t == k).ToArray()))))
            .Select(c => (c.Item1, c.Item2.X, c.Item2.Y)).ToList();
        if (classes.Count == 2 && actual.Length > 0)
        {
            var rate = actual.Count(t => t == 1) / (double)actual.Length;
            pr.Add(($"chance (positive rate {F(rate)})", [0, 1], [rate, rate]));
        }
        var subject = classes.Count == 2 ? $"positive class {classes[1]}" : "one-vs-rest per class";
        html.Append(Img(Charts.Line($"ROC, test split ({subject})", "false positive rate", "true positive rate", roc)));
        html.Append(Img(Charts.Line($"precision-recall, test split ({subject})", "recall", "precision", marked: 0, null, pr.ToArray())));
        var bins = CalibrationMetrics.ReliabilityCurve(output.Probabilities!.Select(p => p.Max()).ToArray(), predicted.Select((p, i) => Array.IndexOf(output.Probabilities![i], output.Probabilities[i].Max()) == actual[i]).ToArray())
            .Where(b => b.Count > 0).ToArray();
        html.Append(Img(Charts.Line($"reliability: {bins.Length} non-empty bins of 10", "confidence (highest class probability)", "accuracy", marked: 1, Alignment.LowerRight,
            ("model", bins.Select(b => b.MeanConfidence).ToArray(), bins.Select(b => b.Accuracy).ToArray()), ("perfect calibration", [0, 1], [0, 1]))));
    }

    private static (double[] X, double[] Y) Curve(IReadOnlyList<CurvePoint> points) => (points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());

    private static void CrossValidation(StringBuilder html, TrainingResult result)
    {
        var scored = result.Candidates.Where(c => c.CrossValidation is not null).ToList();
        if (scored.Count == 0) return;
        var folds = scored.Max(c => c.CrossValidation!.Folds.Length);
        Section(html, "Cross-validation");
        html.Append($"<p>{E(scored[0].CrossValidation!.Method)} cross-validation over the training split ({folds} folds; each fold refits preparation and rebalancing on its own training part; ")
            .Append($"the validation and test splits are not used). {E(result.Objective)} per held-out fold:</p>");
        Table(html, ["model", .. Enumerable.Range(1, folds).Select(f => $"fold {f}"), "mean", "sd"], scored.Select(c =>
            new[] { c.Name + (c.Name == result.BestModel ? " ★" : "") }.Concat(Enumerable.Range(0, folds).Select(f => f < c.CrossValidation!.Folds.Length ? F(c.CrossValidation.Folds[f]) : "–"))
                .Append(F(c.CrossValidation!.Mean)).Append(F(c.CrossValidation.StandardDeviation)).ToArray()));
    }

    private static void HyperparameterSearch(StringBuilder html, TrainingResult result)
    {
        Section(html, "Hyperparameter search");
        if (result.Hpo is not { } hpo)
        {
            html.Append("<p>No search: every candidate trained with its default hyperparameters (config: hpo.method grid | random | bayesian, hpo.budget, hpo.model).</p>");
            return;
        }
        html.Append($"<p>{E(hpo.Method)} search over <b>{E(hpo.Model)}</b>, {hpo.Trials.Count} trials (budget {hpo.Budget}), each scored by {E(result.Objective)} on the {E(hpo.ScoredOn)}; ")
            .Append($"best {F(hpo.BestScore)}. Chosen: {E(string.Join(", ", hpo.Chosen.Select(p => $"{p.Key} = {F(p.Value)}")))}.</p>");
        var names = hpo.Trials.SelectMany(t => t.Parameters.Keys).Distinct().ToArray();
        Table(html, ["trial", .. names, result.Objective], hpo.Trials.Select((t, i) =>
            new[] { (i + 1).ToString(CultureInfo.InvariantCulture) }.Concat(names.Select(n => t.Parameters.TryGetValue(n, out var v) ? F(v) : "–"))
                .Append(F(t.Score) + (t.Score == hpo.BestScore ? " ★" : "")).ToArray()));
        var x = Enumerable.Range(1, hpo.Trials.Count).Select(i => (double)i).ToArray();
        var bestSoFar = new double[hpo.Trials.Count];
        for (var i = 0; i < bestSoFar.Length; i++)
        {
            var score = hpo.Trials[i].Score;
            bestSoFar[i] = i == 0 || double.IsNaN(bestSoFar[i - 1]) ? score
                : double.IsNaN(score) ? bestSoFar[i - 1]
                : result.ObjectiveHigherIsBetter ? Math.Max(bestSoFar[i - 1], score) : Math.Min(bestSoFar[i - 1], score);
        }
        html.Append(Img(Charts.Line($"{hpo.Method} search: {hpo.Model}", "trial", result.Objective, marked: 2, null,
            ("trial", x, hpo.Trials.Select(t => t.Score).ToArray()), ("best so far", x, bestSoFar))));
    }

    private static void Explanations(StringBuilder html, Explainability.ExplanationSummary x)
    {
        Section(html, "Explainability: SHAP, LIME, integrated gradients");
        html.Append($"<p>SHAP by {E(x.ShapMethod)}, in units of {E(x.ShapUnits)}, over {x.RowsExplained} test rows. ")
            .Append($"Additivity check (Σφ = prediction − expected value): largest gap {F(x.MaxAdditivityError)}.</p>");
        var top = x.MeanAbsoluteShap.OrderByDescending(kv => kv.Value).Take(15).Reverse().ToArray();
        html.Append(Img(Charts.Bars($"mean |SHAP value| over {x.RowsExplained} test rows", "mean |SHAP value|",
            top.Select(kv => kv.Key).ToArray(), top.Select(kv => kv.Value).ToArray())));
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

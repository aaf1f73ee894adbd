using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeML.Training.Data;
using EdgeML.Training.Imbalance;
using EdgeML.Training.Metrics;
using EdgeML.Training.Models;
using EdgeML.Compiler.Onnx;
using EdgeML.Training.Preparation;
using EdgeML.Training.Splits;
using EdgeML.Runtime.IO;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// `edgeml train` end to end: load → frame → split (with leakage checks) → prepare (fitted on train only) →
/// train candidates, pick by the objective on validation → evaluate best and baselines on test → export ONNX,
/// verify it with ONNX Runtime → write metrics.json, predictions.csv, baseline.json and report.html.
/// </summary>
public static class TrainingPipeline
{
    public static TrainingResult Run(TrainingOptions options)
    {
        var config = options.Config;
        var task = LearningTaskExtensions.Parse(options.Task);
        config.Confidence.Validate();
        var progress = options.Progress;
        Directory.CreateDirectory(options.OutputDirectory);

        progress?.Report("loading data");
        var raw = TabularFileLoader.Load(options.DataPath);
        var eda = ExploratoryAnalysis.Of(raw, options.Label);
        var table = DateFeatures.Expand(raw);
        var target = TargetColumn.Build(table, options.Label, task, config);
        var timeColumn = options.TimeColumn ?? config.TimeColumn;
        var groupColumn = options.GroupColumn ?? config.GroupColumn;
        var splitMethod = options.Split ?? config.Split ?? (task.IsClassification() ? "stratified" : task == LearningTask.Ranking ? "group" : "random");
        if (splitMethod == "time" && timeColumn is null)
            timeColumn = table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.DateTime)?.Name
                ?? throw new TrainingException("--split time needs a date column (none found; set --time-column)");
        if (timeColumn is not null && (!table.Has(timeColumn) || table[timeColumn].Numbers is null))
            throw new TrainingException($"time column '{timeColumn}' not found or not a date/number");
        // A time split promises the model never learns from rows later than those it is scored on; shuffled folds would break it.
        if (splitMethod == "time" && config.CrossValidation.Method is not ("none" or "timeseries"))
            throw new TrainingException($"--split time with crossValidation.method '{config.CrossValidation.Method}' would train on rows later than those it scores; use 'timeseries' or 'none'");
        if (task == LearningTask.Ranking && groupColumn is null) throw new TrainingException("a ranking task needs --group-column (the query id)");
        if (groupColumn is not null && !table.Has(groupColumn)) throw new TrainingException($"group column '{groupColumn}' not found");

        // Rows without a label cannot be trained or scored on (supervised tasks); they are counted and dropped.
        var labelled = Enumerable.Range(0, table.RowCount).Where(i => task is LearningTask.Clustering or LearningTask.Anomaly || !double.IsNaN(target.Values[i])).ToArray();
        var dropped = table.RowCount - labelled.Length;
        if (config.Preparation.Imputation == "drop_rows")
            labelled = labelled.Where(i => table.Columns.All(c => !c.IsMissing(i) || c.Name == options.Label)).ToArray();
        if (labelled.Length < 10) throw new TrainingException($"only {labelled.Length} usable rows; at least 10 are needed");
        table = table.Select(labelled);
        target = target with { Values = labelled.Select(i => target.Values[i]).ToArray() };
        var rowIds = labelled;

        var excluded = new HashSet<string>(config.Exclude, StringComparer.Ordinal) { };
        if (options.Label is not null) excluded.Add(options.Label);
        if (groupColumn is not null) excluded.Add(groupColumn);
        var featureColumns = (config.Features ?? table.Columns.Select(c => c.Name).ToList())
            .Where(c => !excluded.Contains(c) && table[c].Kind is ColumnKind.Numeric or ColumnKind.Categorical).ToList();
        if (featureColumns.Count == 0) throw new TrainingException("no feature columns left (all excluded, text or dates)");

        var classes = target.Classes.Count;
        var split = splitMethod switch
        {
            "random" => DataSplitter.Random(table.RowCount, config.ValidationFraction, config.TestFraction, config.Seed),
            "stratified" => target.IsClassification
                ? DataSplitter.Stratified(target.Values.Select(v => (int)v).ToArray(), config.ValidationFraction, config.TestFraction, config.Seed)
                : throw new TrainingException("--split stratified needs a classification task"),
            "time" => DataSplitter.ByTime(table[timeColumn!].Numbers!, config.ValidationFraction, config.TestFraction),
            "group" => DataSplitter.ByGroup(Enumerable.Range(0, table.RowCount).Select(i => table[groupColumn ?? throw new TrainingException("--split group needs --group-column")].Format(i)).ToArray(),
                config.ValidationFraction, config.TestFraction, config.Seed),
            _ => throw new TrainingException($"unknown split '{splitMethod}' (random, stratified, time, group)"),
        };
        var leakage = LeakageReport.Check(table, split, featureColumns, timeColumn, groupColumn);
        if (task.IsClassification() && split.Train.Select(i => target.Values[i]).Distinct().Count() < 2)
            throw new TrainingException("the training split holds a single class; use more data or a stratified split");

        var trainRows = ApplySampling(config.Sampling, split.Train, target, table, config.Seed);
        var trainTable = table.Select(trainRows);
        var validTable = table.Select(split.Validation);
        var testTable = table.Select(split.Test);
        progress?.Report("preparing features (fitted on the training split only)");
        var preprocessor = new FeaturePreprocessor(config.Preparation);
        var trainTarget = trainRows.Select(i => target.Values[i]).ToArray();
        preprocessor.Fit(trainTable, featureColumns, trainTarget, target.IsClassification);
        int[]? Groups(int[] rows) => groupColumn is null || task != LearningTask.Ranking ? null : GroupIds(table, groupColumn, rows);
        var train = new LearningData(preprocessor.Transform(trainTable), trainTarget, null, Groups(trainRows));
        var valid = new LearningData(preprocessor.Transform(validTable), split.Validation.Select(i => target.Values[i]).ToArray(), null, Groups(split.Validation));
        var test = new LearningData(preprocessor.Transform(testTable), split.Test.Select(i => target.Values[i]).ToArray(), null, Groups(split.Test));
        var fitData = task.IsClassification() ? ClassRebalancing.Apply(config.Imbalance, train, classes, config.Seed) : train;

        var objective = ObjectiveMetric.For(config.Objective, task);
        var threshold = config.Constraints.FalsePositiveCost / (config.Constraints.FalsePositiveCost + config.Constraints.FalseNegativeCost);
        var candidates = (options.Models?.Count > 0 ? options.Models.Select(ModelCatalog.Find).ToList()
            : config.Models.Count > 0 ? config.Models.Select(ModelCatalog.Find).ToList() : ModelCatalog.Defaults(task).ToList());
        foreach (var c in candidates.Where(c => !c.Tasks.Contains(task)))
            throw new TrainingException($"model '{c.Name}' does not support a {task.ToString().ToLowerInvariant()} task");

        double Score(TrainedModel model, LearningData data) => data.Rows == 0 ? double.NaN :
            TaskEvaluation.Evaluate(task, data.Target, model.Predict(data.Features), classes, threshold, config.Constraints, data.Groups, data.Features)
                .GetValueOrDefault(objective.Name, double.NaN);
        progress?.Report("preparing cross-validation folds");
        var crossValidator = CrossValidator.Create(config, task, trainTable, trainTarget, featureColumns, classes, timeColumn, groupColumn,
            foldTable => groupColumn is null || task != LearningTask.Ranking ? null : GroupIds(foldTable, groupColumn, Enumerable.Range(0, foldTable.RowCount).ToArray()));
        // Model selection and tuning use the cross-validated objective when configured, else the validation split's.
        double Select(ModelTrainer trainer, IReadOnlyDictionary<string, double> hyper) => crossValidator is not null
            ? crossValidator.Evaluate(trainer, hyper, classes, config.Seed, Score, options.Steps).Mean
            : Score(trainer.Fit(fitData, classes, hyper, config.Seed), valid.Rows > 0 ? valid : train);
        var fitted = new List<(TrainedModel Model, CandidateResult Result)>();
        var hpo = Hpo.HyperparameterSearch.TuneIfConfigured(config, candidates, Select, objective,
            crossValidator is not null ? $"cross-validated mean ({config.CrossValidation.Method}, {crossValidator.FoldCount} folds)" : valid.Rows > 0 ? "validation split" : "training split",
            progress, options.Steps);
        foreach (var candidate in candidates)
        {
            progress?.Report($"training {candidate.Name}");
            var hyper = hpo is not null && hpo.Model == candidate.Name ? hpo.Chosen : candidate.Defaults;
            var crossValidation = crossValidator?.Evaluate(candidate, hyper, classes, config.Seed, Score, options.Steps);
            var clock = Stopwatch.StartNew();
            var model = candidate.Fit(fitData, classes, hyper, config.Seed);
            var seconds = clock.Elapsed.TotalSeconds;
            var validationScore = Score(model, valid.Rows > 0 ? valid : train);
            var testOutput = model.Predict(test.Features);
            var metrics = TaskEvaluation.Evaluate(task, test.Target, testOutput, classes, threshold, config.Constraints, test.Groups, test.Features);
            fitted.Add((model, new CandidateResult(candidate.Name, false, hyper, validationScore, metrics, seconds, crossValidation)));
        }
        var chosen = fitted.Aggregate((a, b) => objective.Better(b.Result.SelectionObjective, a.Result.SelectionObjective) ? b : a);

        var baselines = BaselineModel.Fit(task, train, classes, config.Seed).Select(b => (Model: b, Result: new CandidateResult(b.Name, true,
            new Dictionary<string, double>(), Score(b, valid), TaskEvaluation.Evaluate(task, test.Target, b.Predict(test.Features), classes, threshold,
                config.Constraints, test.Groups, test.Features), 0))).ToList();
        var bestTest = chosen.Result.TestMetrics.GetValueOrDefault(objective.Name, double.NaN);
        var beats = baselines.All(b => objective.Better(bestTest, b.Result.TestMetrics.GetValueOrDefault(objective.Name, double.NaN)));

        progress?.Report($"exporting {chosen.Model.Name} to ONNX");
        var testOutputBest = chosen.Model.Predict(test.Features);
        var predictedClasses = task.IsClassification() ? TaskEvaluation.PredictedClasses(testOutputBest, task, threshold) : testOutputBest.Clusters;
        var notes = new List<string>();
        if (task.IsClassification() && predictedClasses is { Length: > 0 } && predictedClasses.Distinct().Count() == 1 && test.Target.Distinct().Count() > 1)
            notes.Add($"the best model predicts only '{target.Classes[predictedClasses[0]]}' on the test split" + (task == LearningTask.Binary
                ? $" at the decision threshold {threshold.ToString("G3", CultureInfo.InvariantCulture)}: it ranks rows ({objective.Name}) but never flags the other class; a higher constraints.falseNegativeCost lowers the threshold"
                : ""));
        var metadata = DeploymentMetadata.For(task, chosen.Model.Name, objective.Name, target.Classes, threshold, config.Confidence, preprocessor);
        var deployment = DeploymentExport.Run(options.OutputDirectory, preprocessor, chosen.Model, task, target.Classes, threshold, metadata,
            trainTable, testTable, testOutputBest, predictedClasses);
        var onnxPath = Path.Combine(options.OutputDirectory, "model.onnx");

        var constraints = ConstraintChecks(config.Constraints, onnxPath, testTable, preprocessor, objective, bestTest);
        var slices = SliceEvaluation(config.Slices, testTable, test, testOutputBest, task, classes, threshold, config.Constraints, objective);
        var importance = Explainability.PermutationImportance.Compute(chosen.Model, test, task, classes, threshold, config.Constraints, objective,
            preprocessor.FeatureNames, config.Seed);
        progress?.Report("explaining the best model (SHAP, LIME, integrated gradients)");
        var explanations = Explainability.ModelExplainer.Explain(chosen.Model, task, fitData, test, preprocessor.FeatureNames, target.Classes, config.Seed);
        var robustness = options.Robustness
            ? Robustness.RobustnessSuite.Run(new Robustness.RobustnessContext(candidates.First(c => c.Name == chosen.Model.Name),
                chosen.Result.Hyperparameters, chosen.Model, fitData, test, task, classes, threshold, config, objective, preprocessor,
                testTable, featureColumns, Score), progress)
            : [];

        var result = new TrainingResult
        {
            Task = task.ToString().ToLowerInvariant(),
            Label = options.Label,
            Objective = objective.Name,
            ObjectiveHigherIsBetter = objective.HigherIsBetter,
            BestModel = chosen.Model.Name,
            TestMetrics = chosen.Result.TestMetrics,
            BeatsAllBaselines = beats,
            Candidates = fitted.Select(f => f.Result).Concat(baselines.Select(b => b.Result)).ToList(),
            Classes = target.Classes,
            DecisionThreshold = threshold,
            SplitMethod = splitMethod,
            TrainRows = trainRows.Length,
            ValidationRows = split.Validation.Length,
            TestRows = split.Test.Length,
            DroppedUnlabelledRows = dropped,
            Leakage = leakage,
            Features = preprocessor.FeatureNames,
            Preparation = preprocessor.Describe(),
            Deployment = deployment,
            Constraints = constraints,
            Slices = slices,
            Robustness = robustness,
            PermutationImportance = importance,
            Explanations = explanations,
            Hpo = hpo,
            Notes = notes,
        };
        PredictionsFile.Write(Path.Combine(options.OutputDirectory, "predictions.csv"), split.Test.Select(i => rowIds[i]).ToArray(), test.Target, target,
            task, testOutputBest, predictedClasses);
        AtomicFile.WriteText(Path.Combine(options.OutputDirectory, "metrics.json"), JsonSerializer.Serialize(result, TrainingConfig.JsonOptions));
        progress?.Report("writing report");
        Reports.HtmlReport.Write(Path.Combine(options.OutputDirectory, "report.html"), result, eda, task, testOutputBest, test.Target, target.Classes);
        return result;
    }

    private static int[] ApplySampling(SamplingConfig sampling, int[] train, TargetColumn target, DataTable table, int seed)
    {
        if (sampling.Method == "none") return train;
        var size = sampling.Size ?? throw new TrainingException("sampling needs a size");
        int[] picked = sampling.Method switch
        {
            "random" => Sampling.RowSampling.Random(train.Length, size, seed),
            "stratified" => Sampling.RowSampling.Stratified(train.Select(i => (int)target.Values[i]).ToArray(), size, seed),
            "weighted" => Sampling.RowSampling.Weighted(train.Select(i => table[sampling.WeightColumn ?? throw new TrainingException("weighted sampling needs weightColumn")].Numbers![i]).ToArray(), size, seed),
            "reservoir" => Sampling.RowSampling.Reservoir(Enumerable.Range(0, train.Length), size, seed).OrderBy(i => i).ToArray(),
            _ => throw new TrainingException($"unknown sampling '{sampling.Method}' (none, random, stratified, weighted, reservoir)"),
        };
        return picked.Select(i => train[i]).ToArray();
    }

    private static int[] GroupIds(DataTable table, string column, int[] rows)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return rows.Select(i => { var key = table[column].Format(i); return ids.TryGetValue(key, out var id) ? id : ids[key] = ids.Count; }).ToArray();
    }

    private static List<ConstraintCheck> ConstraintChecks(ProblemConstraints constraints, string onnxPath, DataTable testTable,
        FeaturePreprocessor preprocessor, ObjectiveMetric objective, double bestTest)
    {
        var checks = new List<ConstraintCheck>();
        var sizeKb = new FileInfo(onnxPath).Length / 1024.0;
        if (constraints.MaxModelSizeKb is { } maxSize)
            checks.Add(new ConstraintCheck("model size", $"≤ {maxSize} KB", $"{sizeKb:F1} KB (model.onnx)", sizeKb <= maxSize));
        if (constraints.MaxLatencyMs is { } maxLatency && testTable.RowCount > 0)
        {
            var latency = LatencyProbe.MedianSingleRowMilliseconds(onnxPath, testTable, preprocessor.NumericColumns, preprocessor.CategoricalColumns);
            checks.Add(new ConstraintCheck("latency (ONNX Runtime, 1 row, median)", $"≤ {maxLatency} ms", $"{latency:F3} ms", latency <= maxLatency));
        }
        if (constraints.UsefulnessThreshold is { } useful)
            checks.Add(new ConstraintCheck($"usefulness ({objective.Name})", $"{(objective.HigherIsBetter ? "≥" : "≤")} {useful}",
                bestTest.ToString("F4", CultureInfo.InvariantCulture), objective.HigherIsBetter ? bestTest >= useful : bestTest <= useful));
        return checks;
    }

    private static List<SliceResult> SliceEvaluation(IReadOnlyList<string> columns, DataTable testTable, LearningData test, ModelOutput output,
        LearningTask task, int classes, double threshold, ProblemConstraints costs, ObjectiveMetric objective)
    {
        var slices = new List<SliceResult>();
        foreach (var column in columns)
        {
            if (!testTable.Has(column)) throw new TrainingException($"slice column '{column}' not found");
            foreach (var g in Enumerable.Range(0, testTable.RowCount).GroupBy(i => testTable[column].Format(i)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var rows = g.ToArray();
                var sliceOutput = new ModelOutput(output.Probabilities is null ? null : rows.Select(i => output.Probabilities[i]).ToArray(),
                    output.Scores is null ? null : rows.Select(i => output.Scores[i]).ToArray());
                var value = task.IsClassification() || task == LearningTask.Regression
                    ? TaskEvaluation.Evaluate(task, rows.Select(i => test.Target[i]).ToArray(), sliceOutput, classes, threshold, costs).GetValueOrDefault(objective.Name, double.NaN)
                    : double.NaN;
                slices.Add(new SliceResult(column, g.Key.Length == 0 ? "(missing)" : g.Key, rows.Length, value));
            }
        }
        return slices;
    }
}

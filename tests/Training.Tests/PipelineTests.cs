using System.Globalization;
using System.Text.Json;
using EdgeML.Training.Data;
using EdgeML.Training.Metrics;
using EdgeML.Training.Pipeline;
using EdgeML.TestSupport;

namespace EdgeML.Training.Tests;

/// <summary>End-to-end runs on real data, kept small (few models) so each takes seconds.</summary>
public sealed class PipelineTests(PipelineRuns runs) : IClassFixture<PipelineRuns>
{
    private static TrainingResult Train(string data, string? label, string task, string output, TrainingConfig? config = null, string? split = null, string[]? models = null) =>
        TrainingPipeline.Run(new TrainingOptions
        {
            DataPath = data, Label = label, Task = task, OutputDirectory = output, Config = config ?? new TrainingConfig(), Split = split, Models = models,
        });

    internal static List<string[]> ReadPredictions(string output) =>
        CsvFileReader.Parse(File.ReadAllText(Path.Combine(output, "predictions.csv"))).Where(r => r.Count > 1).Select(r => r.ToArray()).ToList();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void AssertOutputs(string output, TrainingResult result)
    {
        foreach (var file in new[] { "model.onnx", "metrics.json", "predictions.csv", "report.html", "baseline.json" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        Assert.True(result.BeatsAllBaselines, $"{result.BestModel} does not beat every baseline");
        Assert.NotNull(result.Deployment.OnnxRuntime);
        var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json"))).RootElement;
        Assert.Equal(result.BestModel, metrics.GetProperty("bestModel").GetString());
    }

    [Fact]
    public void PenguinsMulticlassFromTheShippedSample()
    {
        var (_, output, _, result) = runs.Penguins;
        AssertOutputs(output, result);
        // ONNX Runtime reproduces the trained model on every test row.
        Assert.Equal(1.0, result.Deployment.OnnxRuntime!.LabelAgreement);
        Assert.True(result.Deployment.OnnxRuntime.MaxAbsoluteDifference < 1e-4);
        // predictions.csv recomputes metrics.json: macro F1 and accuracy from true vs predicted labels.
        var rows = ReadPredictions(output);
        var header = rows[0];
        var classes = header.Skip(3).Select(h => h[2..]).ToList();
        var truth = rows.Skip(1).Select(r => classes.IndexOf(r[1])).ToArray();
        var predicted = rows.Skip(1).Select(r => classes.IndexOf(r[2])).ToArray();
        var matrix = new ConfusionMatrix(truth, predicted, classes.Count);
        Assert.Equal(result.TestMetrics["macro_f1"], matrix.MacroF1, 10);
        Assert.Equal(result.TestMetrics["accuracy"], matrix.Accuracy, 10);
        Assert.Equal(result.TestRows, rows.Count - 1);
        // SHAP values add up to prediction − expected value on every explained row.
        Assert.NotNull(result.Explanations);
        Assert.True(result.Explanations!.MaxAdditivityError < 1e-6, $"additivity gap {result.Explanations.MaxAdditivityError}");
        Assert.Contains("Explainability: SHAP, LIME, integrated gradients", File.ReadAllText(Path.Combine(output, "report.html")));
    }

    [SharedDataFact("datasets/cars.json")]
    public void CarsRegressionRecomputesRmseFromPredictions()
    {
        var (_, output, _, result) = runs.Cars;
        AssertOutputs(output, result);
        Assert.True(result.DroppedUnlabelledRows > 0, "cars has rows without Miles_per_Gallon; they must be dropped");
        Assert.True(result.Deployment.OnnxRuntime!.MaxAbsoluteDifference < 1e-3);
        var rows = ReadPredictions(output).Skip(1).ToList();
        var rmse = RegressionMetrics.RootMeanSquaredError(rows.Select(r => Number(r[1])).ToArray(), rows.Select(r => Number(r[2])).ToArray());
        Assert.Equal(result.TestMetrics["rmse"], rmse, 9);
        // The best model is a tree ensemble or linear: either way its SHAP values add up.
        Assert.True(result.Explanations!.MaxAdditivityError < 1e-4, $"{result.Explanations.ShapMethod}: additivity gap {result.Explanations.MaxAdditivityError}");
    }

    [SharedDataFact("datasets/flights-5k.json")]
    public void FlightsBinaryWithTimeSplitNeverTrainsOnTheFuture()
    {
        var (_, output, _, result) = runs.Flights;
        AssertOutputs(output, result);
        Assert.Equal(0, result.Leakage.TestRowsBeforeLatestTrainingRow);
        Assert.True(string.CompareOrdinal(result.Leakage.LatestTrainingTime, result.Leakage.EarliestTestTime) < 0);
        Assert.Contains("test rows dated at or before the newest training row", File.ReadAllText(Path.Combine(output, "report.html")));
        // Recompute ROC AUC (the objective) from the written probabilities.
        var rows = ReadPredictions(output).Skip(1).ToList();
        var auc = CurveMetrics.RocAuc(rows.Select(r => Number(r[4])).ToArray(), rows.Select(r => r[1] == "true").ToArray());
        Assert.Equal(result.TestMetrics["roc_auc"], auc, 9);
        // The test rows really are the latest ones.
        var table = TabularFileLoader.Load(SharedData.Dataset("flights-5k.json"));
        var testIds = rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToHashSet();
        var dates = table["date"].Numbers!;
        var latestTrain = Enumerable.Range(0, dates.Length).Where(i => !testIds.Contains(i)).Max(i => dates[i]);
        Assert.True(testIds.All(i => dates[i] > latestTrain));
    }

    // model.edgeml must reproduce the trained model and ONNX Runtime on every test row of every data set
    // (outputs within 1e-4, labels exact). These fail, naming the missing kernels, until the runtime has them all.
    [Fact]
    public void PenguinsDeployedEdgeMLModelAgreesWithTrainedModelAndOnnxRuntime() => AssertDeployedModelAgrees(runs.Penguins);

    [SharedDataFact("datasets/penguins.json")]
    public void SharedPenguinsDeployedEdgeMLModelAgrees() =>
        AssertDeployedModelAgrees(PipelineRuns.Train(SharedData.Dataset("penguins.json"), "Species", "multiclass", models: ["lightgbm"]));

    [SharedDataFact("datasets/cars.json")]
    public void CarsDeployedEdgeMLModelAgreesWithTrainedModelAndOnnxRuntime() => AssertDeployedModelAgrees(runs.Cars);

    [SharedDataFact("datasets/flights-5k.json")]
    public void FlightsDeployedEdgeMLModelAgreesWithTrainedModelAndOnnxRuntime() => AssertDeployedModelAgrees(runs.Flights);

    private static void AssertDeployedModelAgrees(PipelineRuns.Run run)
    {
        Assert.True(run.Result.Deployment.EdgeML.Written, run.Result.Deployment.EdgeML.Status);
        Assert.True(run.Result.Deployment.EdgeMLVsTrained!.IsExact, $"{run.Result.Deployment.EdgeMLVsTrained}");
        DeployedModelCheck.AssertAgree(run.DataPath, run.Output, run.Task);
    }

    [Fact]
    public void PreparationVariantsExportToOnnxExactly()
    {
        // kNN and iterative imputation, power transforms, discretisation, ordinal encoding and feature selection are
        // all written into the graph; ONNX Runtime must agree with the in-process model.
        foreach (var (imputation, categorical) in new[] { ("knn", "onehot"), ("iterative", "ordinal") })
        {
            var output = SharedData.TempDirectory();
            var config = new TrainingConfig
            {
                Preparation = new PreparationConfig
                {
                    Imputation = imputation,
                    Categorical = categorical,
                    Scaling = "minmax",
                    Transforms = new() { ["Body Mass (g)"] = "yeojohnson", ["Flipper Length (mm)"] = "boxcox", ["Beak Depth (mm)"] = "discretize", ["Beak Length (mm)"] = "log" },
                    FeatureSelection = new FeatureSelectionConfig { Method = "rfe", Keep = 6 },
                },
            };
            var result = Train(SharedData.PenguinsSample, "Species", "multiclass", output, config, models: ["lda"]);
            Assert.Equal(6, result.Features.Count);
            Assert.Equal(1.0, result.Deployment.OnnxRuntime!.LabelAgreement);
            Assert.True(result.Deployment.OnnxRuntime.MaxAbsoluteDifference < 1e-3, $"{imputation}: {result.Deployment.OnnxRuntime.MaxAbsoluteDifference}");
        }
    }

    [Fact]
    public void TimeSplitRefusesShuffledCrossValidation()
    {
        var directory = SharedData.TempDirectory();
        var file = Path.Combine(directory, "data.csv");
        File.WriteAllText(file, "day,x,y\n" + string.Concat(Enumerable.Range(1, 20).Select(d => $"2024-01-{d:00},{d},{d * 2}\n")));
        var config = new TrainingConfig { Split = "time", CrossValidation = new CrossValidationConfig { Method = "kfold" } };
        var error = Assert.Throws<TrainingException>(() => Train(file, "y", "regression", Path.Combine(directory, "out"), config));
        Assert.Contains("would train on rows later than those it scores", error.Message);
    }

    [Fact]
    public void AModelThatNeverFlagsThePositiveClassIsNoted()
    {
        // One row in ten is positive and the feature is noise: the model can only predict the majority class at 0.5.
        var directory = SharedData.TempDirectory();
        var file = Path.Combine(directory, "data.csv");
        var random = new Random(3);
        File.WriteAllText(file, "x,y\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{random.NextDouble():F4},{(i % 10 == 0 ? "yes" : "no")}\n")));
        var output = Path.Combine(directory, "out");
        var result = Train(file, "y", "binary", output, models: ["logistic"]);
        Assert.Contains(result.Notes, n => n.StartsWith("the best model predicts only 'no' on the test split at the decision threshold 0.5", StringComparison.Ordinal));
        Assert.Contains("Note: the best model predicts only", File.ReadAllText(Path.Combine(output, "report.html")));
    }

    [Theory]
    [InlineData("missing-label")]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("single-class")]
    public void BadInputGivesOneLineError(string kind)
    {
        var directory = SharedData.TempDirectory();
        var file = Path.Combine(directory, "data.csv");
        var (content, label, task, expected) = kind switch
        {
            "missing-label" => ("a,b\n1,2\n3,4\n", "c", "regression", "label column 'c' not found"),
            "empty" => ("", "a", "regression", "is empty"),
            "garbage" => ("a,b\n1,2\n3,x\nzz,1\n", "a", "regression", "is not numeric (e.g. 'zz')"),
            _ => ("a,b\n1,yes\n2,yes\n3,yes\n", "b", "binary", "has a single class"),
        };
        File.WriteAllText(file, content);
        var error = Assert.Throws<TrainingException>(() => Train(file, label, task, Path.Combine(directory, "out")));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}

using System.Globalization;
using EdgeML.Training.Data;
using EdgeML.Training.Metrics;
using EdgeML.Training.Pipeline;
using EdgeML.TestSupport;

namespace EdgeML.Training.Tests;

/// <summary>Clustering, anomaly detection and ranking end to end: exported, checked with ONNX Runtime, metrics recomputed from predictions.csv.</summary>
public sealed class OtherTasksTests
{
    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void AssertExported(PipelineRuns.Run run)
    {
        foreach (var file in new[] { "model.onnx", "metrics.json", "predictions.csv", "report.html", "baseline.json" })
            Assert.True(File.Exists(Path.Combine(run.Output, file)), file);
        var onnx = run.Result.Deployment.OnnxRuntime!;
        Assert.True(onnx.IsExact, $"ONNX Runtime vs trained model: {onnx}");
    }

    [Fact]
    public void PenguinsClusteringWithKMeans()
    {
        var run = PipelineRuns.Train(SharedData.PenguinsSample, null, "clustering", new TrainingConfig { Exclude = ["Species"] });
        AssertExported(run);
        var rows = PipelineTests.ReadPredictions(run.Output).Skip(1).ToList();
        // inertia = mean squared distance to the assigned centre = mean of the score column; clusters are 0..k-1
        Assert.Equal(run.Result.TestMetrics["inertia"], rows.Average(r => Number(r[3])), 9);
        Assert.All(rows, r => Assert.InRange(int.Parse(r[2], CultureInfo.InvariantCulture), 0, 2));
        Assert.InRange(run.Result.TestMetrics["silhouette"], -1, 1);
    }

    [Fact]
    public void PenguinsAnomalyScoresWithPca()
    {
        var run = PipelineRuns.Train(SharedData.PenguinsSample, null, "anomaly", new TrainingConfig { Exclude = ["Species"] });
        AssertExported(run);
        var rows = PipelineTests.ReadPredictions(run.Output).Skip(1).ToList();
        Assert.Equal(run.Result.TestMetrics["mean_score"], rows.Average(r => Number(r[3])), 9);
        Assert.All(rows, r => Assert.True(Number(r[3]) >= 0, "a squared reconstruction error is never negative"));
    }

    [SharedDataFact("datasets/cars.json")]
    public void CarsRankingWithLambdaMartBeatsTheBaselines()
    {
        // Queries: model years; relevance: cylinders (3..8) — which cars of a year have the most cylinders.
        var data = SharedData.Dataset("cars.json");
        var run = PipelineRuns.Train(data, "Cylinders", "ranking", new TrainingConfig { Exclude = ["Name", "Displacement"] }, models: ["lightgbm"], groupColumn: "Year");
        AssertExported(run);
        Assert.True(run.Result.BeatsAllBaselines, "LambdaMART does not beat every baseline on nDCG@10");
        Assert.Equal(0, run.Result.Leakage.GroupsInMoreThanOneSplit);
        // nDCG@10 recomputed per query (year) from predictions.csv, averaged over queries.
        var table = TabularFileLoader.Load(data);
        var rows = PipelineTests.ReadPredictions(run.Output).Skip(1).Select(r => (Year: table["Year"].Format(int.Parse(r[0], CultureInfo.InvariantCulture)),
            Relevance: Number(r[1]), Score: Number(r[3]))).ToList();
        var ndcg = rows.GroupBy(r => r.Year).Average(q => RankingMetrics.NormalizedDiscountedCumulativeGain(
            q.Select((r, i) => (r, i)).OrderByDescending(p => p.r.Score).ThenBy(p => p.i).Select(p => p.r.Relevance).ToArray(), 10));
        Assert.Equal(run.Result.TestMetrics["ndcg@10"], ndcg, 9);
    }
}

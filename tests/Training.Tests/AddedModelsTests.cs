using EdgeML.Training.Models;
using EdgeML.Training.Pipeline;
using EdgeML.TestSupport;

namespace EdgeML.Training.Tests;

/// <summary>Models added to the catalogue: each trains, beats every baseline and exports to ONNX exactly.</summary>
public sealed class AddedModelsTests
{
    private static void AssertDeployable(PipelineRuns.Run run, string model)
    {
        Assert.Equal(model, run.Result.BestModel);
        Assert.True(run.Result.BeatsAllBaselines, $"{model} does not beat every baseline");
        var onnx = run.Result.Deployment.OnnxRuntime!;
        Assert.True(onnx.IsExact, $"{model}: ONNX Runtime vs trained model: {onnx}");
        // Every default candidate must also deploy: model.edgeml and model.onnx fed the raw test rows reproduce predictions.csv.
        Assert.True(run.Result.Deployment.EdgeMLVsTrained!.IsExact, $"{model}: {run.Result.Deployment.EdgeMLVsTrained}");
        DeployedModelCheck.AssertAgree(run.DataPath, run.Output, run.Task);
    }

    [Theory]
    [InlineData("fasttree")]
    [InlineData("random_forest")]
    [InlineData("svm")]
    [InlineData("stacking")]
    public void MulticlassPenguins(string model) =>
        AssertDeployable(PipelineRuns.Train(SharedData.PenguinsSample, "Species", "multiclass", models: [model]), model);

    [SharedDataFact("datasets/cars.json")]
    public void SupportVectorRegressionOnCars() =>
        AssertDeployable(PipelineRuns.Train(SharedData.Dataset("cars.json"), "Miles_per_Gallon", "regression", models: ["svr"]), "svr");

    [SharedDataFact("datasets/cars.json")]
    public void StackedRegressionOnCars() =>
        AssertDeployable(PipelineRuns.Train(SharedData.Dataset("cars.json"), "Miles_per_Gallon", "regression", models: ["stacking"]), "stacking");

    [Fact]
    public void HierarchicalClusteringOfPenguinsExports()
    {
        var run = PipelineRuns.Train(SharedData.PenguinsSample, null, "clustering", new TrainingConfig { Exclude = ["Species"] }, models: ["hierarchical"]);
        Assert.True(run.Result.Deployment.OnnxRuntime!.IsExact, $"{run.Result.Deployment.OnnxRuntime}");
        Assert.InRange(run.Result.TestMetrics["silhouette"], 0, 1);
    }

    [Fact]
    public void WardLinkageCutsWhereTheVarianceJumps()
    {
        // Points 0, 1, 5, 6, 20 on a line. Ward first pairs {0,1} and {5,6} (squared distance 1 each); joining the pairs
        // adds (2·2/4)·5² = 25 to the within-cluster sum of squares, joining {5,6} with 20 adds (2·1/3)·14.5² ≈ 140.
        float[][] points = [[0], [1], [5], [6], [20]];
        Assert.Equal([0, 0, 1, 1, 2], HierarchicalClusteringTrainer.Cut(points, 3));
        Assert.Equal([0, 0, 0, 0, 1], HierarchicalClusteringTrainer.Cut(points, 2));
        Assert.Equal(4, HierarchicalClusteringTrainer.WardMerges(points).Count);
    }

    [Fact]
    public void NearestNeighboursSelectionMatchesAStableSort()
    {
        // Few distinct distances, so ties are everywhere: the lower row must win, as in OrderBy(distance).ThenBy(row).
        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var distance = Enumerable.Range(0, 40).Select(_ => (float)random.Next(6)).ToArray();
            var k = 1 + trial % 12;
            var expected = Enumerable.Range(0, distance.Length).OrderBy(r => distance[r]).ThenBy(r => r).Take(k).ToArray();
            Assert.Equal(expected, KNearestNeighboursModel.Nearest(distance, k));
        }
    }

    [Fact]
    public void LinearSvrFitsALineWithinEpsilon()
    {
        // y = 3x − 2 exactly: the fitted line must come within the ε-tube (ε = 0.05 target standard deviations).
        var x = Enumerable.Range(0, 100).Select(i => new[] { i / 50f - 1 }).ToArray();
        var y = x.Select(r => 3.0 * r[0] - 2).ToArray();
        var model = new LinearSvrTrainer().Fit(new LearningData(x, y), 0, new Dictionary<string, double> { ["lambda"] = 1e-6, ["epsilon"] = 0.05, ["epochs"] = 200 }, 1);
        var predicted = model.Predict(x).Scores!;
        var spread = Math.Sqrt(y.Select(v => (v - y.Average()) * (v - y.Average())).Average());
        Assert.All(predicted.Zip(y), p => Assert.True(Math.Abs(p.First - p.Second) <= 0.1 * spread, $"{p.First} vs {p.Second}"));
    }
}

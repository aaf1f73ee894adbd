using EdgeML.Training.Hpo;
using EdgeML.Training.Imbalance;
using EdgeML.Training.Models;
using EdgeML.Training.Pipeline;
using EdgeML.Training.Sampling;
using EdgeML.Training.Splits;

namespace EdgeML.Training.Tests;

public sealed class DataAssemblyTests
{
    [Fact]
    public void CrossValidationFoldsPartitionTheRows()
    {
        foreach (var folds in new[] { CrossValidationFolds.KFold(10, 3, 1), CrossValidationFolds.StratifiedKFold([0, 0, 0, 0, 1, 1, 1, 1, 1, 1], 2, 1) })
        {
            Assert.Equal(Enumerable.Range(0, 10), folds.SelectMany(f => f.Test).OrderBy(i => i));
            Assert.All(folds, f => Assert.Empty(f.Train.Intersect(f.Test)));
        }
        // stratified: each of 2 folds gets 2 of class 0 and 3 of class 1
        Assert.All(CrossValidationFolds.StratifiedKFold([0, 0, 0, 0, 1, 1, 1, 1, 1, 1], 2, 1), f => Assert.Equal(2, f.Test.Count(i => i < 4)));
        Assert.Equal(5, CrossValidationFolds.LeaveOneOut(5).Count);
        // group k-fold never splits a group
        string?[] groups = ["a", "a", "b", "b", "b", "c", "d"];
        Assert.All(CrossValidationFolds.GroupKFold(groups, 2), f => Assert.Empty(f.Train.Select(i => groups[i]).Intersect(f.Test.Select(i => groups[i]))));
        // time-series split: every training row is older than every test row
        double[] times = [5, 1, 4, 2, 3, 6];
        Assert.All(CrossValidationFolds.TimeSeriesSplit(times, 2), f => Assert.True(f.Train.Max(i => times[i]) < f.Test.Min(i => times[i])));
    }

    [Fact]
    public void TimeSplitKeepsEqualTimestampsTogether()
    {
        double[] times = [1, 2, 3, 4, 5, 5, 6, 7, 8, 9];
        var split = DataSplitter.ByTime(times, 0.2, 0.3);
        Assert.True(split.Train.Max(i => times[i]) < split.Validation.Concat(split.Test).Min(i => times[i]));
        Assert.True(split.Validation.Max(i => times[i]) < split.Test.Min(i => times[i]));
    }

    [Fact]
    public void ImbalanceTreatmentsBalanceTheTrainingSet()
    {
        var features = Enumerable.Range(0, 12).Select(i => new float[] { i, i % 3 }).ToArray();
        double[] target = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1];
        var data = new LearningData(features, target);
        Assert.Equal(3, ClassRebalancing.RandomUnderSample(data, 1).Target.Count(t => t == 0));
        Assert.Equal(9, ClassRebalancing.RandomOverSample(data, 1).Target.Count(t => t == 1));
        var smote = ClassRebalancing.Smote(data, 2, 2, 1);
        Assert.Equal(9, smote.Target.Count(t => t == 1));
        // synthetic minority rows lie between minority rows (x in [9, 11])
        Assert.All(smote.Features.Skip(12), x => Assert.InRange(x[0], 9f, 11f));
        // class weights: 12 / (2 · 9) and 12 / (2 · 3)
        var weights = ClassRebalancing.ClassWeights(target, 2);
        Assert.Equal(12f / 18, weights[0], 5);
        Assert.Equal(2f, weights[11], 5);
        // Tomek: 8 (class 0) and 8.5 (class 1) are mutual nearest neighbours → the majority-class row 8 goes
        var line = new[] { 0f, 1, 2, 3, 4, 5, 6, 7, 8, 8.5f, 10, 11 }.Select(v => new[] { v }).ToArray();
        var tomek = ClassRebalancing.RemoveTomekLinks(new LearningData(line, target));
        Assert.Equal(11, tomek.Rows);
        Assert.DoesNotContain(tomek.Features, f => f[0] == 8);
    }

    [Fact]
    public void SamplersDrawTheRequestedRows()
    {
        Assert.Equal(5, RowSampling.Random(100, 5, 1).Distinct().Count());
        var stratified = RowSampling.Stratified([.. Enumerable.Repeat(0, 80), .. Enumerable.Repeat(1, 20)], 10, 1);
        Assert.Equal(2, stratified.Count(i => i >= 80));
        Assert.DoesNotContain(0, RowSampling.Weighted([0, 1, 1, 1], 3, 1));
        Assert.Equal(4, RowSampling.Reservoir(Enumerable.Range(0, 1000), 4, 1).Distinct().Count());
    }

    [Fact]
    public void BayesianSearchFindsTheOptimumOfASmoothFunction()
    {
        var space = new Dictionary<string, ParameterRange> { ["x"] = new() { Min = 0, Max = 10 } };
        // maximum at x = 7
        var trials = HyperparameterSearch.Search("bayesian", space, 15, 3, higherIsBetter: true, p => -(p["x"] - 7) * (p["x"] - 7));
        Assert.Equal(15, trials.Count);
        Assert.InRange(trials.MaxBy(t => t.Score)!.Parameters["x"], 6.5, 7.5);
        Assert.Equal(3, HyperparameterSearch.Search("grid", space, 10, 1, true, p => p["x"]).Count);
        Assert.Equal(4, HyperparameterSearch.Search("random", space, 4, 1, true, p => p["x"]).Count);
    }
}

using EdgeML.Training.Metrics;

namespace EdgeML.Training.Tests;

/// <summary>Every expected value here was worked out by hand (shown in the comments).</summary>
public sealed class MetricsTests
{
    [Fact]
    public void ConfusionMatrixRates()
    {
        // truth:     0 0 0 1 1 1 1 2
        // predicted: 0 1 0 1 1 0 1 2
        var m = new ConfusionMatrix([0, 0, 0, 1, 1, 1, 1, 2], [0, 1, 0, 1, 1, 0, 1, 2], 3);
        Assert.Equal(6.0 / 8, m.Accuracy, 12);
        // class 1: TP 3, FP 1 (a 0 predicted 1), FN 1 (a 1 predicted 0), TN 3
        Assert.Equal(3, m.TruePositives(1));
        Assert.Equal(1, m.FalsePositives(1));
        Assert.Equal(1, m.FalseNegatives(1));
        Assert.Equal(3, m.TrueNegatives(1));
        Assert.Equal(0.75, m.Precision(1), 12);
        Assert.Equal(0.75, m.Recall(1), 12);
        Assert.Equal(0.75, m.Specificity(1), 12);
        Assert.Equal(0.25, m.FalsePositiveRate(1), 12);
        Assert.Equal(0.75, m.F1(1), 12);
        // class 0: TP 2, FP 1, FN 1 → P = R = F1 = 2/3; class 2: perfect
        Assert.Equal((2.0 / 3 + 0.75 + 1) / 3, m.MacroF1, 12);
    }

    [Fact]
    public void MacroAveragesSkipClassesThatNeverOccur()
    {
        // Three classes, but the slice holds only classes 0 and 1 (truth and predictions): class 2 is not averaged in.
        var m = new ConfusionMatrix([0, 0, 1, 1], [0, 1, 1, 1], 3);
        Assert.Equal((2.0 / 3 + 0.8) / 2, m.MacroF1, 12);
        Assert.Equal((0.5 + 1) / 2, m.BalancedAccuracy, 12);
        // A class only predicted counts (F1 0), as in scikit-learn; balanced accuracy reads the truth's classes only.
        var wrong = new ConfusionMatrix([0, 0], [0, 2], 3);
        Assert.Equal((2.0 / 3 + 0) / 2, wrong.MacroF1, 12);
        Assert.Equal(0.5, wrong.BalancedAccuracy, 12);
    }

    [Fact]
    public void RocAucAndAveragePrecision()
    {
        // scores 0.9 P, 0.8 N, 0.7 P, 0.6 N: pairs (P>N) = (0.9>0.8, 0.9>0.6, 0.7>0.6) = 3 of 4 → AUC 0.75
        double[] scores = [0.9, 0.8, 0.7, 0.6];
        bool[] positive = [true, false, true, false];
        Assert.Equal(0.75, CurveMetrics.RocAuc(scores, positive), 12);
        // AP = 0.5·(1/1) + 0.5·(2/3) = 5/6
        Assert.Equal(5.0 / 6, CurveMetrics.AveragePrecision(scores, positive), 12);
        // a tie between a positive and a negative counts one half
        Assert.Equal(0.5, CurveMetrics.RocAuc([0.5, 0.5], [true, false]), 12);
        var roc = CurveMetrics.Roc(scores, positive);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.Select(p => p.X));
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.Select(p => p.Y));
    }

    [Fact]
    public void RegressionErrors()
    {
        // errors: 1, -2, 0, 3 → MSE (1+4+0+9)/4 = 3.5; MAE 6/4 = 1.5
        double[] truth = [1, 2, 3, 4];
        double[] predicted = [2, 0, 3, 7];
        Assert.Equal(3.5, RegressionMetrics.MeanSquaredError(truth, predicted), 12);
        Assert.Equal(Math.Sqrt(3.5), RegressionMetrics.RootMeanSquaredError(truth, predicted), 12);
        Assert.Equal(1.5, RegressionMetrics.MeanAbsoluteError(truth, predicted), 12);
        // SST = 2.25+0.25+0.25+2.25 = 5; R² = 1 − 14/5
        Assert.Equal(1 - 14.0 / 5, RegressionMetrics.RSquared(truth, predicted), 12);
    }

    [Fact]
    public void IntersectionOverUnionOfBoxesSetsAndMasks()
    {
        // 2×2 boxes overlapping in a 1×1 square: 1 / (4 + 4 − 1)
        Assert.Equal(1.0 / 7, IntersectionOverUnion.Boxes(new Box(0, 0, 2, 2), new Box(1, 1, 3, 3)), 12);
        Assert.Equal(0, IntersectionOverUnion.Boxes(new Box(0, 0, 1, 1), new Box(2, 2, 3, 3)));
        Assert.Equal(2.0 / 4, IntersectionOverUnion.Sets([1, 2, 3], [2, 3, 4]), 12);
        Assert.Equal(1.0 / 3, IntersectionOverUnion.Mask([1, 1, 0, 0], [1, 0, 1, 0], 1), 12);
    }

    [Fact]
    public void RankingMetrics()
    {
        string[] ranked = ["a", "b", "c", "d", "e"];
        var relevant = new HashSet<string> { "b", "d", "f" };
        Assert.Equal(1.0 / 3, Metrics.RankingMetrics.PrecisionAtK(ranked, relevant, 3), 12);
        Assert.Equal(1.0 / 3, Metrics.RankingMetrics.RecallAtK(ranked, relevant, 3), 12);
        Assert.Equal(1, Metrics.RankingMetrics.HitRateAtK(ranked, relevant, 2));
        Assert.Equal(0, Metrics.RankingMetrics.HitRateAtK(ranked, relevant, 1));
        Assert.Equal(0.5, Metrics.RankingMetrics.ReciprocalRank(ranked, relevant), 12);
        // AP = (1/2 + 2/4) / 3 relevant
        Assert.Equal((0.5 + 0.5) / 3, Metrics.RankingMetrics.AveragePrecision(ranked, relevant), 12);
        Assert.Equal((0.5 + 1.0) / 2, Metrics.RankingMetrics.MeanReciprocalRank(new[]
        {
            ((IReadOnlyList<string>)ranked, (ISet<string>)relevant),
            ((IReadOnlyList<string>)new[] { "b" }, (ISet<string>)relevant),
        }), 12);
        // gains 3,2,3,0,1: CG@5 = 9; DCG@3 = 3 + 2/log2(3) + 3/2
        double[] gains = [3, 2, 3, 0, 1];
        Assert.Equal(9, Metrics.RankingMetrics.CumulativeGain(gains, 5));
        var dcg = 3 + 2 / Math.Log2(3) + 1.5;
        Assert.Equal(dcg, Metrics.RankingMetrics.DiscountedCumulativeGain(gains, 3), 12);
        var ideal = 3 + 3 / Math.Log2(3) + 1.0; // 3,3,2
        Assert.Equal(dcg / ideal, Metrics.RankingMetrics.NormalizedDiscountedCumulativeGain(gains, 3), 12);
        // diversity: pairs (1,2)=1,(1,4)=3,(2,4)=2 → mean 2
        Assert.Equal(2, Metrics.RankingMetrics.Diversity([1.0, 2.0, 4.0], 3, (x, y) => Math.Abs(x - y)), 12);
        Assert.Equal(3.0 / 10, Metrics.RankingMetrics.Coverage(new[] { new[] { 1, 2 }, new[] { 2, 3 } }, 2, 10), 12);
    }

    [Fact]
    public void TextMetrics()
    {
        string[] candidate = ["the", "cat", "sat", "on", "the", "mat"];
        string[] reference = ["the", "cat", "is", "on", "the", "mat"];
        // unigrams 5/6, bigrams 3/5 (the-cat, on-the, the-mat), trigrams 1/4 (on-the-mat), 4-grams 0/3 → BLEU-4 = 0
        Assert.Equal(0, Metrics.TextMetrics.Bleu([candidate], [[reference]]));
        // BLEU-2 = sqrt(5/6 · 3/5), same lengths → no brevity penalty
        Assert.Equal(Math.Sqrt(5.0 / 6 * 3.0 / 5), Metrics.TextMetrics.Bleu([candidate], [[reference]], maxN: 2), 12);
        // brevity: candidate of 2 vs reference of 4, unigram precision 1 → BLEU-1 = exp(1 − 4/2)
        Assert.Equal(Math.Exp(-1), Metrics.TextMetrics.Bleu([["a", "b"]], [[["a", "b", "c", "d"]]], maxN: 1), 12);
        var rouge1 = Metrics.TextMetrics.RougeN(candidate, reference, 1);
        Assert.Equal(5.0 / 6, rouge1.Recall, 12);
        Assert.Equal(5.0 / 6, rouge1.Precision, 12);
        // LCS = the cat on the mat (5)
        Assert.Equal(5.0 / 6, Metrics.TextMetrics.RougeL(candidate, reference).F1, 12);
        // perplexity of probabilities 1/2 and 1/8: exp(−(ln ½ + ln ⅛)/2) = 4
        Assert.Equal(4, Metrics.TextMetrics.Perplexity([0.5, 0.125]), 12);
    }

    [Fact]
    public void CalibrationError()
    {
        // bin (0.8,0.9]: confidences 0.9,0.9 both correct → |1 − 0.9| = 0.1, weight 2/4
        // bin (0.5,0.6]: confidences 0.6,0.6, one correct → |0.5 − 0.6| = 0.1, weight 2/4 → ECE 0.1
        double[] confidence = [0.9, 0.9, 0.6, 0.6];
        bool[] correct = [true, true, true, false];
        Assert.Equal(0.1, CalibrationMetrics.ExpectedCalibrationError(confidence, correct), 12);
        var bins = CalibrationMetrics.ReliabilityCurve(confidence, correct);
        Assert.Equal(2, bins[8].Count);
        Assert.Equal(0.5, bins[5].Accuracy, 12);
        // log loss of p(true) = 0.5 and 0.25
        Assert.Equal(-(Math.Log(0.5) + Math.Log(0.25)) / 2, CalibrationMetrics.LogLoss([[0.5, 0.5], [0.75, 0.25]], [0, 1]), 12);
    }
}

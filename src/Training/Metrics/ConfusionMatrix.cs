namespace EdgeML.Training.Metrics;

/// <summary>Counts[truth, predicted] over class indices 0..K-1, with the per-class rates derived from it.</summary>
public sealed class ConfusionMatrix
{
    public ConfusionMatrix(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException("truth and predictions differ in length");
        Classes = classes;
        Counts = new long[classes, classes];
        for (var i = 0; i < truth.Count; i++) Counts[truth[i], predicted[i]]++;
        Total = truth.Count;
    }

    public int Classes { get; }
    public long[,] Counts { get; }
    public long Total { get; }

    public long TruePositives(int k) => Counts[k, k];
    public long FalsePositives(int k) => Enumerable.Range(0, Classes).Where(t => t != k).Sum(t => Counts[t, k]);
    public long FalseNegatives(int k) => Enumerable.Range(0, Classes).Where(p => p != k).Sum(p => Counts[k, p]);
    public long TrueNegatives(int k) => Total - TruePositives(k) - FalsePositives(k) - FalseNegatives(k);

    // 0/0 is reported as 0, as scikit-learn does with zero_division=0.
    private static double Ratio(long a, long b) => b == 0 ? 0 : a / (double)b;

    public double Accuracy => Ratio(Enumerable.Range(0, Classes).Sum(k => Counts[k, k]), Total);
    public double Precision(int k) => Ratio(TruePositives(k), TruePositives(k) + FalsePositives(k));
    public double Recall(int k) => Ratio(TruePositives(k), TruePositives(k) + FalseNegatives(k));
    public double Specificity(int k) => Ratio(TrueNegatives(k), TrueNegatives(k) + FalsePositives(k));
    public double FalsePositiveRate(int k) => Ratio(FalsePositives(k), FalsePositives(k) + TrueNegatives(k));

    public double F1(int k)
    {
        var p = Precision(k);
        var r = Recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double MacroF1 => Enumerable.Range(0, Classes).Average(F1);
    public double MacroPrecision => Enumerable.Range(0, Classes).Average(Precision);
    public double MacroRecall => Enumerable.Range(0, Classes).Average(Recall);
    public double BalancedAccuracy => MacroRecall;
}

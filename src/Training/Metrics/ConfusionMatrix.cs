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

    // Macro averages run over the classes that occur in the truth or the predictions (scikit-learn's labels default):
    // a slice holding one species must not be scored 1/3 for the two species it cannot contain.
    private IEnumerable<int> Occurring => Enumerable.Range(0, Classes).Where(k => TruePositives(k) + FalsePositives(k) + FalseNegatives(k) > 0);
    private double MacroAverage(Func<int, double> metric) => Occurring.Select(metric).DefaultIfEmpty(0).Average();

    public double MacroF1 => MacroAverage(F1);
    public double MacroPrecision => MacroAverage(Precision);
    public double MacroRecall => MacroAverage(Recall);
    /// <summary>Mean recall over the classes present in the truth.</summary>
    public double BalancedAccuracy =>
        Enumerable.Range(0, Classes).Where(k => TruePositives(k) + FalseNegatives(k) > 0).Select(Recall).DefaultIfEmpty(0).Average();
}

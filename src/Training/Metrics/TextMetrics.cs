namespace EdgeML.Training.Metrics;

/// <summary>Text generation metrics on token lists.</summary>
public static class TextMetrics
{
    /// <summary>
    /// Corpus BLEU (Papineni et al. 2002): geometric mean of clipped n-gram precisions (n = 1..maxN, uniform
    /// weights) times the brevity penalty exp(1 − r/c) when the candidates are shorter than the closest references.
    /// </summary>
    public static double Bleu(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references, int maxN = 4)
    {
        var matches = new double[maxN];
        var totals = new double[maxN];
        long candidateLength = 0, referenceLength = 0;
        for (var s = 0; s < candidates.Count; s++)
        {
            var candidate = candidates[s];
            candidateLength += candidate.Count;
            referenceLength += references[s].OrderBy(r => Math.Abs(r.Count - candidate.Count)).ThenBy(r => r.Count).First().Count;
            for (var n = 1; n <= maxN; n++)
            {
                var counts = NGrams(candidate, n);
                var maxReference = new Dictionary<string, int>();
                foreach (var reference in references[s])
                    foreach (var (gram, count) in NGrams(reference, n))
                        maxReference[gram] = Math.Max(maxReference.GetValueOrDefault(gram), count);
                matches[n - 1] += counts.Sum(kv => Math.Min(kv.Value, maxReference.GetValueOrDefault(kv.Key)));
                totals[n - 1] += Math.Max(0, candidate.Count - n + 1);
            }
        }
        if (matches.Any(m => m == 0)) return 0;
        var logPrecision = Enumerable.Range(0, maxN).Average(n => Math.Log(matches[n] / totals[n]));
        var brevity = candidateLength >= referenceLength ? 1 : Math.Exp(1 - referenceLength / (double)candidateLength);
        return brevity * Math.Exp(logPrecision);
    }

    public sealed record Rouge(double Precision, double Recall, double F1);

    /// <summary>ROUGE-N: n-gram overlap (clipped counts) between candidate and reference.</summary>
    public static Rouge RougeN(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        var c = NGrams(candidate, n);
        var r = NGrams(reference, n);
        double overlap = c.Sum(kv => Math.Min(kv.Value, r.GetValueOrDefault(kv.Key)));
        return Score(overlap, c.Values.Sum(), r.Values.Sum());
    }

    /// <summary>ROUGE-L: longest common subsequence based precision, recall and F1.</summary>
    public static Rouge RougeL(IReadOnlyList<string> candidate, IReadOnlyList<string> reference)
    {
        var lcs = new int[candidate.Count + 1, reference.Count + 1];
        for (var i = 1; i <= candidate.Count; i++)
            for (var j = 1; j <= reference.Count; j++)
                lcs[i, j] = candidate[i - 1] == reference[j - 1] ? lcs[i - 1, j - 1] + 1 : Math.Max(lcs[i - 1, j], lcs[i, j - 1]);
        return Score(lcs[candidate.Count, reference.Count], candidate.Count, reference.Count);
    }

    /// <summary>Perplexity = exp(−mean ln p) over the probabilities the model gave the actual tokens.</summary>
    public static double Perplexity(IReadOnlyList<double> tokenProbabilities) =>
        Math.Exp(-tokenProbabilities.Average(p => Math.Log(p)));

    private static Rouge Score(double overlap, double candidateTotal, double referenceTotal)
    {
        var precision = candidateTotal == 0 ? 0 : overlap / candidateTotal;
        var recall = referenceTotal == 0 ? 0 : overlap / referenceTotal;
        return new Rouge(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join('\u0001', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }
}

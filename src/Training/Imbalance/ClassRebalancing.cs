using EdgeML.Training.Models;

namespace EdgeML.Training.Imbalance;

/// <summary>
/// Class-imbalance treatments applied to the training split only (never to validation or test, whose class mix
/// must stay as in the world): random under/over-sampling, SMOTE, Tomek-link removal, class weights.
/// </summary>
internal static class ClassRebalancing
{
    public static LearningData Apply(string method, LearningData train, int classes, int seed) => method switch
    {
        "none" => train,
        "undersample" => RandomUnderSample(train, seed),
        "oversample" => RandomOverSample(train, seed),
        "smote" => Smote(train, classes, neighbours: 5, seed),
        "tomek" => RemoveTomekLinks(train),
        "class_weights" => train with { Weights = ClassWeights(train.Target, classes) },
        _ => throw new TrainingException($"unknown imbalance treatment '{method}' (none, undersample, oversample, smote, tomek, class_weights)"),
    };

    /// <summary>Keeps every class down to the smallest class's size (random rows per class).</summary>
    public static LearningData RandomUnderSample(LearningData data, int seed)
    {
        var byClass = Enumerable.Range(0, data.Rows).GroupBy(i => data.Target[i]).ToList();
        var size = byClass.Min(g => g.Count());
        var random = new Random(seed);
        return data.Select(byClass.SelectMany(g => g.OrderBy(_ => random.Next()).Take(size)).OrderBy(i => i).ToArray());
    }

    /// <summary>Repeats random rows of each class until it matches the largest class.</summary>
    public static LearningData RandomOverSample(LearningData data, int seed)
    {
        var byClass = Enumerable.Range(0, data.Rows).GroupBy(i => data.Target[i]).ToList();
        var size = byClass.Max(g => g.Count());
        var random = new Random(seed);
        var rows = new List<int>();
        foreach (var g in byClass)
        {
            var members = g.ToArray();
            rows.AddRange(members);
            for (var extra = members.Length; extra < size; extra++) rows.Add(members[random.Next(members.Length)]);
        }
        return data.Select(rows);
    }

    /// <summary>
    /// SMOTE (Chawla et al. 2002): for minority classes, new rows on the segment between a row and one of its k nearest
    /// same-class neighbours, until each class matches the largest.
    /// </summary>
    public static LearningData Smote(LearningData data, int classes, int neighbours, int seed)
    {
        var random = new Random(seed);
        var byClass = Enumerable.Range(0, data.Rows).GroupBy(i => (int)data.Target[i]).ToDictionary(g => g.Key, g => g.ToArray());
        var size = byClass.Values.Max(m => m.Length);
        var features = data.Features.ToList();
        var target = data.Target.ToList();
        foreach (var (label, members) in byClass)
        {
            if (members.Length < 2) continue;
            var k = Math.Min(neighbours, members.Length - 1);
            for (var extra = members.Length; extra < size; extra++)
            {
                var row = members[random.Next(members.Length)];
                var near = members.Where(m => m != row).OrderBy(m => SquaredDistance(data.Features[row], data.Features[m])).Take(k).ToArray();
                var other = data.Features[near[random.Next(near.Length)]];
                var gap = (float)random.NextDouble();
                features.Add(data.Features[row].Select((v, j) => v + gap * (other[j] - v)).ToArray());
                target.Add(label);
            }
        }
        return new LearningData(features.ToArray(), target.ToArray());
    }

    /// <summary>Removes the majority-class row of every Tomek link (two rows of different classes, each the other's nearest).</summary>
    public static LearningData RemoveTomekLinks(LearningData data)
    {
        var counts = data.Target.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var nearest = Enumerable.Range(0, data.Rows).Select(i => Enumerable.Range(0, data.Rows).Where(j => j != i)
            .MinBy(j => SquaredDistance(data.Features[i], data.Features[j]))).ToArray();
        var drop = new HashSet<int>();
        for (var i = 0; i < data.Rows; i++)
        {
            var j = nearest[i];
            if (nearest[j] != i || data.Target[i] == data.Target[j]) continue;
            drop.Add(counts[data.Target[i]] >= counts[data.Target[j]] ? i : j);
        }
        return data.Select(Enumerable.Range(0, data.Rows).Where(i => !drop.Contains(i)).ToArray());
    }

    /// <summary>Weight n / (classes · n_k): every class carries the same total weight.</summary>
    public static float[] ClassWeights(double[] target, int classes)
    {
        var counts = new double[classes];
        foreach (var t in target) counts[(int)t]++;
        return target.Select(t => (float)(target.Length / (classes * counts[(int)t]))).ToArray();
    }

    private static float SquaredDistance(float[] a, float[] b)
    {
        float sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum;
    }
}

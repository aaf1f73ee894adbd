using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// TfIdfVectorizer (opset 9): counts the pool's n-grams (of min_gram_length..max_gram_length
/// items, with 0..max_skip_count items skipped between consecutive items) in each row of a [C] or
/// [N, C] int32/int64/string tensor. Each position starts each n-gram length once per skip
/// distance (1-grams once). TF gives the counts, IDF min(count, 1) * weight, TFIDF count * weight.
/// The pool is stored as a trie built when the kernel is created, so lookups do not allocate.
/// </summary>
public sealed class TfIdfVectorizer : Kernel
{
    private sealed class Node<TKey> where TKey : notnull
    {
        public Dictionary<TKey, Node<TKey>>? Children;
        public int Ngram = -1;

        public Node<TKey> Child(TKey key)
        {
            Children ??= new Dictionary<TKey, Node<TKey>>();
            if (!Children.TryGetValue(key, out var child)) Children[key] = child = new Node<TKey>();
            return child;
        }
    }

    private readonly int _minN, _maxN, _maxSkip, _mode; // mode: 0 TF, 1 IDF, 2 TFIDF
    private readonly long[] _ngramIndexes;
    private readonly float[] _weights;
    private readonly int _outputSize;
    private readonly Node<long>? _intPool;
    private readonly Node<string>? _stringPool;
    private float[] _counts = [];

    private TfIdfVectorizer(int minN, int maxN, int maxSkip, int mode, long[] ngramIndexes, float[] weights, Node<long>? intPool, Node<string>? stringPool)
    {
        _minN = minN;
        _maxN = maxN;
        _maxSkip = maxSkip;
        _mode = mode;
        _ngramIndexes = ngramIndexes;
        _weights = weights;
        _intPool = intPool;
        _stringPool = stringPool;
        long max = -1;
        foreach (long i in ngramIndexes) max = Math.Max(max, i);
        _outputSize = (int)(max + 1);
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        int minN = (int)a.GetInt("min_gram_length", 0), maxN = (int)a.GetInt("max_gram_length", 0), maxSkip = (int)a.GetInt("max_skip_count", -1);
        if (minN < 1 || maxN < minN) throw info.Error($"gram lengths must satisfy 1 <= min_gram_length <= max_gram_length, not {minN} and {maxN}");
        if (maxSkip < 0) throw info.Error("max_skip_count is required and must be 0 or more");
        int mode = a.GetString("mode", "") switch
        {
            "TF" => 0,
            "IDF" => 1,
            "TFIDF" => 2,
            var m => throw info.Error($"mode '{m}' is not TF, IDF or TFIDF"),
        };
        long[] counts = a.GetInts("ngram_counts", []);
        long[] indexes = a.GetInts("ngram_indexes", []);
        foreach (long i in indexes) if (i < 0) throw info.Error($"ngram_indexes holds a negative index {i}");
        var ints = a.GetIntsOrNull("pool_int64s");
        var strings = a.GetStrings("pool_strings", []);
        if ((ints == null) == (strings.Length == 0) && !(ints == null && strings.Length == 0 && indexes.Length == 0))
            throw info.Error("exactly one of pool_int64s and pool_strings must be given");
        float[] weights = a.GetFloats("weights", []);
        if (weights.Length == 0)
        {
            weights = new float[indexes.Length];
            Array.Fill(weights, 1f);
        }
        if (weights.Length != indexes.Length) throw info.Error($"weights has {weights.Length} values; ngram_indexes has {indexes.Length}");

        int poolLength = ints?.Length ?? strings.Length;
        Node<long>? intPool = ints != null ? new Node<long>() : null;
        Node<string>? stringPool = ints == null ? new Node<string>() : null;
        int ngram = 0;
        for (int level = 0; level < counts.Length; level++)
        {
            int n = level + 1;
            long start = counts[level], end = level + 1 < counts.Length ? counts[level + 1] : poolLength;
            if (start < 0 || end > poolLength || end < start || (end - start) % n != 0)
                throw info.Error($"ngram_counts {string.Join(",", counts)} does not split a pool of {poolLength} items into n-grams");
            for (long p = start; p < end; p += n, ngram++)
            {
                if (ngram >= indexes.Length) throw info.Error("the pool holds more n-grams than ngram_indexes has entries");
                if (intPool != null)
                {
                    var node = intPool;
                    for (int j = 0; j < n; j++) node = node.Child(ints![p + j]);
                    node.Ngram = ngram;
                }
                else
                {
                    var node = stringPool!;
                    for (int j = 0; j < n; j++) node = node.Child(strings[p + j]);
                    node.Ngram = ngram;
                }
            }
        }
        if (ngram != indexes.Length) throw info.Error($"the pool holds {ngram} n-grams but ngram_indexes has {indexes.Length} entries");
        return new TfIdfVectorizer(minN, maxN, maxSkip, mode, indexes, weights, intPool, stringPool);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Rank is not (1 or 2)) throw context.Error($"input must be shaped [C] or [N, C], not {Tensor.ShapeText(x.Shape)}");
        bool stringInput = x.Type == DataType.String;
        if (stringInput != (_stringPool != null) || !(stringInput || x.Type is DataType.Int32 or DataType.Int64))
            throw context.Error($"input type {DataTypeInfo.Name(x.Type)} does not fit the pool ({(_stringPool != null ? "strings" : "int32 or int64 integers")})");
        int rows = x.Rank == 1 ? 1 : (int)x.Shape[0];
        int columns = (int)x.Shape[x.Rank - 1];

        var y = context.Output(0);
        Span<long> shape = stackalloc long[2];
        shape[0] = rows;
        shape[1] = _outputSize;
        y.Allocate(DataType.Float, x.Rank == 1 ? shape[1..] : shape);
        var output = y.Span<float>();
        output.Clear();
        if (_counts.Length < _ngramIndexes.Length) _counts = new float[_ngramIndexes.Length];

        for (int r = 0; r < rows; r++)
        {
            var counts = _counts.AsSpan(0, _ngramIndexes.Length);
            counts.Clear();
            int rowStart = r * columns;
            for (int start = 0; start < columns; start++)
            {
                for (int skip = 0; skip <= _maxSkip; skip++)
                {
                    if (stringInput) Walk(_stringPool!, x.Strings, rowStart, columns, start, skip, counts);
                    else if (x.Type == DataType.Int64) Walk(_intPool!, x.ReadOnlySpan<long>(), rowStart, columns, start, skip, counts);
                    else WalkInt32(x.ReadOnlySpan<int>(), rowStart, columns, start, skip, counts);
                }
            }
            var row = output.Slice(r * _outputSize, _outputSize);
            for (int g = 0; g < counts.Length; g++)
            {
                float c = counts[g];
                if (c == 0) continue;
                row[(int)_ngramIndexes[g]] = _mode switch
                {
                    0 => c,
                    1 => _weights[g],
                    _ => c * _weights[g],
                };
            }
        }
    }

    /// <summary>Follows the trie from item <paramref name="start"/> with the given skip, counting
    /// every pool n-gram of an allowed length found on the way.</summary>
    private void Walk<TKey>(Node<TKey> root, ReadOnlySpan<TKey> items, int rowStart, int columns, int start, int skip, Span<float> counts) where TKey : notnull
    {
        var node = root;
        for (int j = 0; j < _maxN; j++)
        {
            int pos = start + j * (skip + 1);
            if (pos >= columns || node.Children == null || !node.Children.TryGetValue(items[rowStart + pos], out var next)) return;
            node = next;
            int n = j + 1;
            // 1-grams do not depend on the skip: count them once, with skip 0.
            if (n >= _minN && node.Ngram >= 0 && (n > 1 || skip == 0)) counts[node.Ngram]++;
        }
    }

    private void WalkInt32(ReadOnlySpan<int> items, int rowStart, int columns, int start, int skip, Span<float> counts)
    {
        var node = _intPool!;
        for (int j = 0; j < _maxN; j++)
        {
            int pos = start + j * (skip + 1);
            if (pos >= columns || node.Children == null || !node.Children.TryGetValue(items[rowStart + pos], out var next)) return;
            node = next;
            int n = j + 1;
            if (n >= _minN && node.Ngram >= 0 && (n > 1 || skip == 0)) counts[node.Ngram]++;
        }
    }
}

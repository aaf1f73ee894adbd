using EdgeML.Compiler.Onnx;
using EdgeML.Training.Onnx;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Training.Preparation;

/// <summary>
/// Encodes one categorical column: the training split's most frequent categories (up to a maximum) get indices;
/// missing becomes the mode; unseen values become no category (all-zero one-hot) or the mode (ordinal).
/// On the device the string input goes through an ai.onnx.ml LabelEncoder, then Equal against the index range.
/// </summary>
internal sealed class CategoricalEncoder(string column, bool oneHot, int maxCategories)
{
    public string Column => column;
    public bool OneHot => oneHot;
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public int ModeIndex { get; private set; }
    public int Width => oneHot ? Categories.Count : 1;

    public void Fit(IReadOnlyList<string?> values)
    {
        var counts = values.Where(v => v is not null).GroupBy(v => v!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(maxCategories).ToList();
        if (counts.Count == 0) counts = [new[] { "(none)" }.GroupBy(v => v).First()];
        Categories = counts.Select(g => g.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        ModeIndex = Categories.ToList().IndexOf(counts[0].Key);
    }

    public IEnumerable<string> FeatureNames() =>
        oneHot ? Categories.Select(c => $"{column}={c}") : [column];

    public int IndexOf(string? value)
    {
        if (value is null || value.Length == 0) return ModeIndex;
        for (var i = 0; i < Categories.Count; i++) if (string.Equals(Categories[i], value, StringComparison.Ordinal)) return i;
        return oneHot ? -1 : ModeIndex;
    }

    public void Encode(string? value, Span<float> destination)
    {
        var index = IndexOf(value);
        if (!oneHot) { destination[0] = index; return; }
        for (var i = 0; i < Categories.Count; i++) destination[i] = i == index ? 1f : 0f;
    }

    /// <summary><paramref name="input"/> is a [N,1] string tensor ("" = missing).</summary>
    public string EmitOnnx(OnnxGraphBuilder graph, string input)
    {
        var keys = Categories.Append("").ToList();
        var values = Enumerable.Range(0, Categories.Count).Select(i => (long)i).Append(ModeIndex).ToList();
        var index = graph.ApplyMl("LabelEncoder", input).Attr("keys_strings", keys.ToArray()).Attr("values_int64s", values.ToArray()).Attr("default_int64", oneHot ? -1 : ModeIndex);
        if (!oneHot) return graph.Cast(index, DataType.Float);
        var range = graph.Constant("categories", Enumerable.Range(0, Categories.Count).Select(i => (long)i).ToArray(), Categories.Count);
        return graph.Cast(graph.Apply("Equal", index, range), DataType.Float);
    }
}

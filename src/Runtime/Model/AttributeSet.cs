namespace EdgeML.Runtime.Model;

/// <summary>A node's attributes, looked up by name when the kernel is created (never per run).</summary>
public sealed class AttributeSet
{
    public static readonly AttributeSet Empty = new([]);
    private readonly Attribute[] _items;

    public AttributeSet(Attribute[] items) => _items = items;

    public IReadOnlyList<Attribute> Items => _items;

    public Attribute? Find(string name)
    {
        foreach (var a in _items) if (a.Name == name) return a;
        return null;
    }

    public bool Has(string name) => Find(name) != null;

    public long GetInt(string name, long fallback) => Find(name) is { } a ? a.Int : fallback;
    public float GetFloat(string name, float fallback) => Find(name) is { } a ? a.Float : fallback;
    public string GetString(string name, string fallback) => Find(name) is { } a ? a.String : fallback;
    public long[] GetInts(string name, long[] fallback) => Find(name) is { } a ? a.Ints : fallback;
    public long[]? GetIntsOrNull(string name) => Find(name)?.Ints;
    public float[] GetFloats(string name, float[] fallback) => Find(name) is { } a ? a.Floats : fallback;
    public string[] GetStrings(string name, string[] fallback) => Find(name) is { } a ? a.Strings : fallback;
    public ConstantTensor? GetTensor(string name) => Find(name)?.Tensor;
    public int GetGraph(string name) => Find(name)?.Graph ?? -1;
}

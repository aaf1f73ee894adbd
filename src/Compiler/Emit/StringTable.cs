namespace EdgeML.Compiler.Emit;

/// <summary>The Strings section: every name and string stored once, referred to by index.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, uint> _index = new(StringComparer.Ordinal);
    private readonly List<string> _strings = new();

    public uint Add(string s)
    {
        if (_index.TryGetValue(s, out var i)) return i;
        i = (uint)_strings.Count;
        _strings.Add(s);
        _index[s] = i;
        return i;
    }

    public byte[] Write()
    {
        var w = new SectionWriter();
        w.Count(_strings.Count);
        foreach (var s in _strings) w.Utf8(s);
        return w.ToArray();
    }
}

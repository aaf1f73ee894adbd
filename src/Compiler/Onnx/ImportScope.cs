using EdgeML.Compiler.IR;

namespace EdgeML.Compiler.Onnx;

/// <summary>Names visible while importing a graph: its own values, then its enclosing graphs'.</summary>
internal sealed class ImportScope
{
    private readonly Dictionary<string, IrValue> _names = new();

    public ImportScope(ImportScope? parent) => Parent = parent;

    public ImportScope? Parent { get; }

    public void Define(IrValue v) => _names[v.Name] = v;
    public void Define(string name, IrValue v) => _names[name] = v;

    public bool DefinesLocally(string name) => _names.ContainsKey(name);

    public IrValue? Find(string name)
    {
        for (var s = this; s != null; s = s.Parent)
            if (s._names.TryGetValue(name, out var v)) return v;
        return null;
    }
}

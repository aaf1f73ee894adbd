using EdgeML.Compiler.IR;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Who reads each value of a model (every graph, subgraph reads of outer values and graph outputs
/// included), and small helpers the rewriting passes share: they rewrite only values that one node
/// reads and no graph returns, and read constants as float arrays.
/// </summary>
internal sealed class GraphUses
{
    private readonly Dictionary<IrValue, List<IrNode>> _readers = new();
    private readonly HashSet<IrValue> _escaping = new();

    public GraphUses(IrModel model)
    {
        foreach (var g in model.Graph.SelfAndDescendants())
        {
            foreach (var o in g.Outputs) _escaping.Add(o);
            foreach (var n in g.Nodes)
            {
                foreach (var v in n.Inputs)
                    if (v != null) Readers(v).Add(n);
                // An outer value a subgraph reads counts as escaping: fusing it away would break the subgraph.
                foreach (var sub in n.Subgraphs)
                {
                    var inside = new HashSet<IrValue>();
                    foreach (var g2 in sub.SelfAndDescendants())
                    {
                        foreach (var v in g2.Inputs) inside.Add(v);
                        foreach (var node in g2.Nodes)
                            foreach (var o in node.Outputs)
                                if (o != null) inside.Add(o);
                    }
                    foreach (var v in sub.ReadValues())
                        if (!inside.Contains(v)) _escaping.Add(v);
                }
            }
        }
    }

    private List<IrNode> Readers(IrValue v)
    {
        if (!_readers.TryGetValue(v, out var list)) _readers[v] = list = new List<IrNode>();
        return list;
    }

    /// <summary>The one node that reads <paramref name="v"/>, or null when it has other readers or
    /// escapes (a graph output or read by a subgraph).</summary>
    public IrNode? SingleReader(IrValue v)
    {
        if (_escaping.Contains(v) || !_readers.TryGetValue(v, out var list) || list.Count != 1) return null;
        return list[0];
    }

    /// <summary>Whether anything reads <paramref name="v"/> (a node, a subgraph or a graph output).</summary>
    public bool IsRead(IrValue v) => _escaping.Contains(v) || (_readers.TryGetValue(v, out var list) && list.Count > 0);

    /// <summary>Records that <paramref name="node"/> now reads <paramref name="v"/>.</summary>
    public void AddReader(IrValue v, IrNode node) => Readers(v).Add(node);

    public void RemoveReader(IrValue v, IrNode node)
    {
        if (_readers.TryGetValue(v, out var list)) list.Remove(node);
    }

    /// <summary>A float32 constant's values, or null when <paramref name="v"/> is not one.</summary>
    public static float[]? FloatConstant(IrValue? v)
        => v?.Constant is { Type: DataType.Float } c ? c.Span<float>().ToArray() : null;

    /// <summary>A single float (a scalar or one-element constant), or null.</summary>
    public static float? ScalarConstant(IrValue? v)
        => FloatConstant(v) is { Length: 1 } f ? f[0] : null;

    /// <summary>A new float32 constant value.</summary>
    public static IrValue Constant(string name, float[] values, params long[] shape) => new(name)
    {
        Type = DataType.Float,
        Kind = ValueKind.Tensor,
        Shape = shape.Select(d => new Dimension(d)).ToArray(),
        Constant = ConstantTensor.From<float>(DataType.Float, shape, values),
    };

    /// <summary>The value's type as declared or probed, Undefined when unknown.</summary>
    public static bool IsFloat(IrValue? v) => v != null && v.Type == DataType.Float;

    public static IrAttribute Attribute(string name, long value) => new() { Payload = new Runtime.Model.Attribute { Name = name, Type = AttributeType.Int, Int = value } };
    public static IrAttribute Attribute(string name, float value) => new() { Payload = new Runtime.Model.Attribute { Name = name, Type = AttributeType.Float, Float = value } };
    public static IrAttribute Attribute(string name, string value) => new() { Payload = new Runtime.Model.Attribute { Name = name, Type = AttributeType.String, String = value } };
    public static IrAttribute Attribute(string name, long[] values) => new() { Payload = new Runtime.Model.Attribute { Name = name, Type = AttributeType.Ints, Ints = values } };

    /// <summary>Sets (replacing any of the same name) an attribute of <paramref name="node"/>.</summary>
    public static void Set(IrNode node, IrAttribute attribute)
    {
        node.Attributes.RemoveAll(a => a.Name == attribute.Name);
        node.Attributes.Add(attribute);
    }

    /// <summary>The schema of an operator by domain and name (it must exist).</summary>
    public static OpSchema Schema(string domain, string name) => OpCatalog.Find(domain, name) ?? throw new InvalidOperationException($"unknown operator {domain}.{name}");
}

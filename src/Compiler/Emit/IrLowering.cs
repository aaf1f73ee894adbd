using EdgeML.Compiler.IR;
using EdgeML.Runtime.Model;

namespace EdgeML.Compiler.Emit;

/// <summary>
/// Turns the IR into the runtime's <see cref="ModelDefinition"/>: values are numbered model-wide,
/// graphs are numbered so that a subgraph always comes after its owner, and attributes refer to
/// subgraphs by number. The result can be run directly or written as a .edgeml file.
/// </summary>
public sealed class IrLowering
{
    private readonly Dictionary<IrValue, int> _valueIndex = new();
    private readonly List<ValueDefinition> _values = new();
    private readonly List<IrGraph> _graphs = new();
    private readonly Dictionary<IrGraph, int> _graphIndex = new();

    /// <summary>The model-wide index given to each IR value.</summary>
    public IReadOnlyDictionary<IrValue, int> ValueIndex => _valueIndex;

    public static ModelDefinition Lower(IrModel model) => new IrLowering().Run(model);

    public ModelDefinition Run(IrModel model)
    {
        Number(model.Graph);
        for (int i = 0; i < _graphs.Count; i++)
            foreach (var n in _graphs[i].Nodes)
                foreach (var a in n.Attributes)
                    foreach (var g in a.Graphs) Number(g);
        var graphs = _graphs.Select(LowerGraph).ToArray();
        return new ModelDefinition
        {
            Values = _values.ToArray(),
            Graphs = graphs,
            Plan = MemoryPlan.None(_values.Count),
            Metadata = new Dictionary<string, string>(model.Metadata),
        };
    }

    private void Number(IrGraph g)
    {
        if (_graphIndex.ContainsKey(g)) return;
        _graphIndex[g] = _graphs.Count;
        _graphs.Add(g);
    }

    private int Index(IrValue? v)
    {
        if (v == null) return -1;
        if (_valueIndex.TryGetValue(v, out int i)) return i;
        i = _values.Count;
        _valueIndex[v] = i;
        _values.Add(new ValueDefinition
        {
            Name = v.Name,
            Kind = v.Kind,
            Type = v.Type,
            Shape = v.Shape ?? v.ProbedShape?.Select(d => new Dimension(d)).ToArray(),
            Constant = v.Constant,
            Quantization = v.Quantization,
        });
        return i;
    }

    private GraphDefinition LowerGraph(IrGraph g)
    {
        var inputs = g.Inputs.Select(v => Index(v)).ToArray();
        var nodes = g.Nodes.Select(n => new NodeDefinition
        {
            Name = n.Name,
            Op = n.Op,
            Version = n.Version,
            Inputs = n.Inputs.Select(Index).ToArray(),
            Outputs = n.Outputs.Select(Index).ToArray(),
            Attributes = new AttributeSet(n.Attributes.Select(LowerAttribute).ToArray()),
        }).ToArray();
        var outputs = g.Outputs.Select(v => Index(v)).ToArray();
        return new GraphDefinition { Name = g.Name, Inputs = inputs, Outputs = outputs, Nodes = nodes };
    }

    private Runtime.Model.Attribute LowerAttribute(IrAttribute a)
    {
        if (a.Graphs.Length == 0) return a.Payload;
        var p = a.Payload;
        return new Runtime.Model.Attribute { Name = p.Name, Type = p.Type, Graphs = a.Graphs.Select(g => _graphIndex[g]).ToArray() };
    }
}

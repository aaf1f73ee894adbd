namespace EdgeML.Compiler.IR;

/// <summary>A graph in the IR: nodes in execution order, inputs and outputs. Subgraphs (If, Loop,
/// Scan bodies) have a parent and may read values of their enclosing graphs.</summary>
public sealed class IrGraph
{
    public string Name { get; set; } = "";
    public IrGraph? Parent { get; set; }
    public List<IrNode> Nodes { get; } = new();
    public List<IrValue> Inputs { get; } = new();
    public List<IrValue> Outputs { get; } = new();

    /// <summary>This graph and every subgraph below it, parents before children.</summary>
    public IEnumerable<IrGraph> SelfAndDescendants()
    {
        yield return this;
        foreach (var n in Nodes)
            foreach (var g in n.Subgraphs)
                foreach (var d in g.SelfAndDescendants()) yield return d;
    }

    /// <summary>Every value a node reads in this graph or its subgraphs (outer-scope reads included).</summary>
    public IEnumerable<IrValue> ReadValues()
    {
        foreach (var n in Nodes)
        {
            foreach (var i in n.Inputs) if (i != null) yield return i;
            foreach (var g in n.Subgraphs)
            {
                foreach (var v in g.ReadValues()) yield return v;
                foreach (var o in g.Outputs) yield return o;
            }
        }
    }
}

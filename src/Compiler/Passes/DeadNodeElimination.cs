using EdgeML.Compiler.IR;

namespace EdgeML.Compiler.Passes;

/// <summary>Removes nodes none of whose outputs is read (by a later node, a subgraph or a graph
/// output), in every graph.</summary>
public sealed class DeadNodeElimination : IPass
{
    public string Name => "dead-node-elimination";

    public bool Run(IrModel model, PassContext context) => Sweep(model.Graph);

    private static bool Sweep(IrGraph graph)
    {
        bool changed = false;
        var live = new HashSet<IrValue>(graph.Outputs);
        for (int i = graph.Nodes.Count - 1; i >= 0; i--)
        {
            var node = graph.Nodes[i];
            if (!node.Outputs.Any(o => o != null && live.Contains(o)))
            {
                graph.Nodes.RemoveAt(i);
                changed = true;
                continue;
            }
            foreach (var input in node.Inputs) if (input != null) live.Add(input);
            foreach (var sub in node.Subgraphs)
            {
                changed |= Sweep(sub);
                foreach (var v in sub.ReadValues()) live.Add(v);
                foreach (var v in sub.Outputs) live.Add(v);
            }
        }
        return changed;
    }
}

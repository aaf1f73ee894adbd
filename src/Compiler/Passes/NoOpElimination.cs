using EdgeML.Compiler.IR;
using EdgeML.Runtime.Operators;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Removes operators that only pass their input through at inference: Identity, and Dropout when
/// it is not in training mode and nothing reads its mask. Readers of the output read the input instead.
/// A node whose output is a graph output stays (the output keeps its name), and nothing changes
/// when in doubt (a training_mode that is not a constant false).
/// </summary>
public sealed class NoOpElimination : IPass
{
    public string Name => "no-op-elimination";

    public bool Run(IrModel model, PassContext context)
    {
        bool changed = false;
        var read = new HashSet<IrValue>(model.Graph.ReadValues().Concat(model.Graph.Outputs));
        foreach (var graph in model.Graph.SelfAndDescendants().ToList())
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                var node = graph.Nodes[i];
                if (!IsPassThrough(node, read)) continue;
                var input = node.Inputs[0]!;
                var output = node.Outputs[0]!;
                if (graph.Outputs.Contains(output)) continue;
                Replace(graph, output, input);
                graph.Nodes.RemoveAt(i);
                i--;
                changed = true;
            }
        }
        return changed;
    }

    private static bool IsPassThrough(IrNode node, HashSet<IrValue> read)
    {
        if (node.Inputs.Count == 0 || node.Inputs[0] == null || node.Outputs.Count == 0 || node.Outputs[0] == null) return false;
        if (node.Op == OpCode.Identity) return node.Outputs.Count == 1;
        if (node.Op != OpCode.Dropout) return false;
        if (node.Outputs.Count > 1 && node.Outputs[1] is { } mask && read.Contains(mask)) return false;
        // Before opset 12 Dropout has no training-mode input: an inference engine passes X through.
        if (node.Version < 12) return true;
        if (node.Inputs.Count < 3 || node.Inputs[2] == null) return true;
        var training = node.Inputs[2]!.Constant;
        return training != null && training.ByteLength == 1 && training.Bytes[0] == 0;
    }

    /// <summary>Makes every reader of <paramref name="old"/> in <paramref name="graph"/> and its
    /// subgraphs read <paramref name="replacement"/>.</summary>
    private static void Replace(IrGraph graph, IrValue old, IrValue replacement)
    {
        foreach (var g in graph.SelfAndDescendants())
        {
            foreach (var n in g.Nodes)
                for (int k = 0; k < n.Inputs.Count; k++)
                    if (ReferenceEquals(n.Inputs[k], old)) n.Inputs[k] = replacement;
            if (!ReferenceEquals(g, graph))
                for (int k = 0; k < g.Outputs.Count; k++)
                    if (ReferenceEquals(g.Outputs[k], old)) g.Outputs[k] = replacement;
        }
    }
}

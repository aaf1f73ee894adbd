using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Planning;

/// <summary>
/// Builds the static memory plan of the main graph from value lifetimes: a value lives from the
/// node that writes it to the last node that reads it (a read inside a subgraph counts as a read
/// by the node that owns the subgraph). Graph inputs and outputs live for the whole run, so inputs
/// survive a run and outputs can be read after it. Values whose size the shape probe did not see
/// (data-dependent, sequences, strings, subgraph values) are left unplanned.
/// </summary>
public static class MemoryPlanBuilder
{
    /// <param name="sizes">Bytes per value from the shape probe; -1 where unknown.</param>
    public static MemoryPlan Build(ModelDefinition model, long[] sizes)
    {
        int count = model.Values.Length;
        var first = new int[count];
        var last = new int[count];
        Array.Fill(first, -1);
        Array.Fill(last, -1);
        var main = model.Main;
        int end = main.Nodes.Length;
        foreach (var i in main.Inputs) { first[i] = 0; last[i] = end; }
        for (int step = 0; step < main.Nodes.Length; step++)
        {
            var node = main.Nodes[step];
            foreach (var o in node.Outputs)
            {
                if (o < 0) continue;
                if (first[o] < 0) first[o] = step;
                last[o] = Math.Max(last[o], step);
            }
            foreach (var i in ReadsOf(model, node)) if (i >= 0) last[i] = Math.Max(last[i], step);
        }
        foreach (var o in main.Outputs) last[o] = end;

        var planner = new GreedyMemoryPlanner();
        var ids = new int[count];
        Array.Fill(ids, -1);
        for (int v = 0; v < count; v++)
        {
            var def = model.Values[v];
            if (def.Constant != null || first[v] < 0 || sizes[v] < 0 || def.Kind != ValueKind.Tensor || def.Type == DataType.String) continue;
            ids[v] = planner.AddBuffer(sizes[v], first[v], last[v]);
        }
        var (offsets, arena) = planner.Plan();
        var planOffsets = new long[count];
        var planSizes = new long[count];
        for (int v = 0; v < count; v++)
        {
            planOffsets[v] = ids[v] >= 0 ? offsets[ids[v]] : -1;
            planSizes[v] = ids[v] >= 0 ? GreedyMemoryPlanner.Align(sizes[v]) : 0;
        }
        return new MemoryPlan { ArenaSize = arena, Offsets = planOffsets, Sizes = planSizes };
    }

    /// <summary>Values read by a node, including those read by its subgraphs from outer scopes.</summary>
    public static IEnumerable<int> ReadsOf(ModelDefinition model, NodeDefinition node)
    {
        foreach (var i in node.Inputs) yield return i;
        foreach (var a in node.Attributes.Items)
            foreach (var g in a.Graphs)
            {
                var graph = model.Graphs[g];
                foreach (var o in graph.Outputs) yield return o;
                foreach (var n in graph.Nodes)
                    foreach (var r in ReadsOf(model, n)) yield return r;
            }
    }
}

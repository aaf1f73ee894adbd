using EdgeML.Runtime.Model;

namespace EdgeML.Runtime.Format;

/// <summary>
/// Checks that every graph can run as written: each value is produced once, every node input is
/// available before the node (a graph input, a constant, an earlier output, or a value of an
/// enclosing graph) and every graph output is available at the end. The executor relies on it to
/// never read a value that was not written.
/// </summary>
public static class GraphValidator
{
    public static void Validate(ModelDefinition model)
    {
        var available = new bool[model.Values.Length];
        for (int i = 0; i < model.Values.Length; i++) available[i] = model.Values[i].Constant != null;
        var visiting = new bool[model.Graphs.Length];
        CheckGraph(model, 0, available, visiting);
    }

    private static void CheckGraph(ModelDefinition model, int g, bool[] available, bool[] visiting)
    {
        if (visiting[g]) throw new EdgeMLException($"invalid model: graph {g} contains itself");
        visiting[g] = true;
        var graph = model.Graphs[g];
        var scope = (bool[])available.Clone();
        foreach (var i in graph.Inputs) scope[i] = true;
        foreach (var node in graph.Nodes)
        {
            foreach (var i in node.Inputs)
            {
                if (i >= 0 && !scope[i]) throw new EdgeMLException($"invalid model: {node.Describe()} reads '{model.Values[i].Name}' before it is produced");
            }
            foreach (var a in node.Attributes.Items)
            {
                foreach (var sub in a.Graphs) CheckGraph(model, sub, scope, visiting);
            }
            foreach (var o in node.Outputs)
            {
                if (o < 0) continue;
                if (scope[o] && model.Values[o].Constant != null) throw new EdgeMLException($"invalid model: {node.Describe()} writes the constant '{model.Values[o].Name}'");
                scope[o] = true;
            }
        }
        foreach (var o in graph.Outputs)
        {
            if (!scope[o]) throw new EdgeMLException($"invalid model: graph output '{model.Values[o].Name}' is never produced");
        }
        visiting[g] = false;
    }
}

using EdgeML.Compiler.IR;
using EdgeML.Runtime.Operators;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Recognises HardSwish written in pieces by exporters and replaces the pieces with one HardSwish:
/// x · Clip(x + 3, 0, 6) / 6 (the division as Div by 6 or Mul by 1/6, before or after the product)
/// and x · HardSigmoid(x) with alpha 1/6 and beta 1/2. Every intermediate value must have the
/// pattern's node as its only reader; otherwise nothing changes.
/// </summary>
public sealed class HardSwishFusion : IPass
{
    public string Name => "hardswish-fusion";

    public bool Run(IrModel model, PassContext context)
    {
        if (!context.Options.Optimize) return false;
        var uses = new GraphUses(model);
        var schema = GraphUses.Schema("", "HardSwish");
        bool changed = false;
        foreach (var graph in model.Graph.SelfAndDescendants().ToList())
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                var node = graph.Nodes[i];
                var match = node.Op switch
                {
                    OpCode.Clip => MatchClip(node, uses),
                    OpCode.HardSigmoid => MatchHardSigmoid(node, uses),
                    _ => null,
                };
                if (match == null) continue;
                var (x, pieces, last) = match.Value;
                var y = last.Outputs[0]!;
                var fused = new IrNode { Name = last.Name + "_hardswish", Schema = schema, Version = 14 };
                fused.Inputs.Add(x);
                fused.Outputs.Add(y);
                y.Producer = fused;
                graph.Nodes[graph.Nodes.IndexOf(last)] = fused;
                foreach (var p in pieces)
                {
                    graph.Nodes.Remove(p);
                    foreach (var v in p.Inputs) if (v != null) uses.RemoveReader(v, p);
                }
                uses.AddReader(x, fused);
                i = -1; // indices moved: rescan (patterns are few)
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Clip(x + 3, 0, 6) then the product with x and the division by 6, in either order.</summary>
    private static (IrValue X, List<IrNode> Pieces, IrNode Last)? MatchClip(IrNode clip, GraphUses uses)
    {
        if (!ClipBounds(clip, out float lo, out float hi) || lo != 0 || hi != 6) return null;
        var added = clip.Inputs[0];
        var add = added?.Producer;
        if (add == null || add.Op != OpCode.Add || add.Inputs.Count != 2 || uses.SingleReader(added!) != clip) return null;
        IrValue? x = null;
        if (GraphUses.ScalarConstant(add.Inputs[1]) == 3 && add.Inputs[0] != null) x = add.Inputs[0];
        else if (GraphUses.ScalarConstant(add.Inputs[0]) == 3 && add.Inputs[1] != null) x = add.Inputs[1];
        if (x == null || !GraphUses.IsFloat(x) && x.Type != Runtime.Tensors.DataType.Undefined) return null;
        var gate = clip.Outputs[0];
        if (gate == null) return null;
        var first = uses.SingleReader(gate);
        if (first == null || first.Outputs.Count != 1 || first.Outputs[0] == null) return null;
        var mid = first.Outputs[0]!;
        var second = uses.SingleReader(mid);
        if (second == null || second.Outputs.Count != 1 || second.Outputs[0] == null) return null;
        // x · gate, then / 6.
        if (IsProductWith(first, gate, x) && IsSixth(second, mid)) return (x, [add, clip, first], second);
        // gate / 6, then · x.
        if (IsSixth(first, gate) && IsProductWith(second, mid, x)) return (x, [add, clip, first], second);
        return null;
    }

    /// <summary>x · HardSigmoid(x) with alpha 1/6 and beta 1/2.</summary>
    private static (IrValue X, List<IrNode> Pieces, IrNode Last)? MatchHardSigmoid(IrNode hs, GraphUses uses)
    {
        float alpha = hs.Attribute("alpha")?.Payload.Float ?? 0.2f, beta = hs.Attribute("beta")?.Payload.Float ?? 0.5f;
        if (Math.Abs(alpha - 1f / 6) > 1e-6f || beta != 0.5f) return null;
        var x = hs.Inputs[0];
        var gate = hs.Outputs.Count == 1 ? hs.Outputs[0] : null;
        if (x == null || gate == null) return null;
        var mul = uses.SingleReader(gate);
        if (mul == null || mul.Outputs.Count != 1 || mul.Outputs[0] == null || !IsProductWith(mul, gate, x)) return null;
        return (x, [hs], mul);
    }

    private static bool IsProductWith(IrNode node, IrValue a, IrValue b)
        => node.Op == OpCode.Mul && node.Version >= 7 && node.Inputs.Count == 2
           && ((node.Inputs[0] == a && node.Inputs[1] == b) || (node.Inputs[0] == b && node.Inputs[1] == a));

    /// <summary>v / 6 or v · (1/6).</summary>
    private static bool IsSixth(IrNode node, IrValue v)
    {
        if (node.Inputs.Count != 2 || node.Version < 7) return false;
        if (node.Op == OpCode.Div) return node.Inputs[0] == v && GraphUses.ScalarConstant(node.Inputs[1]) == 6;
        if (node.Op != OpCode.Mul) return false;
        var other = node.Inputs[0] == v ? node.Inputs[1] : node.Inputs[1] == v ? node.Inputs[0] : null;
        return GraphUses.ScalarConstant(other) is { } c && Math.Abs(c - 1f / 6) <= 1e-7f;
    }

    /// <summary>The bounds of a Clip: attributes before opset 11, constant inputs after (±∞ when absent).</summary>
    internal static bool ClipBounds(IrNode clip, out float lo, out float hi)
    {
        lo = float.NegativeInfinity;
        hi = float.PositiveInfinity;
        if (clip.Inputs.Count == 0 || clip.Outputs.Count != 1) return false;
        if (clip.Version < 11)
        {
            if (clip.Attribute("min") is { } min) lo = min.Payload.Float;
            if (clip.Attribute("max") is { } max) hi = max.Payload.Float;
            return true;
        }
        if (clip.Inputs.Count > 1 && clip.Inputs[1] != null)
        {
            if (GraphUses.ScalarConstant(clip.Inputs[1]) is not { } l) return false;
            lo = l;
        }
        if (clip.Inputs.Count > 2 && clip.Inputs[2] != null)
        {
            if (GraphUses.ScalarConstant(clip.Inputs[2]) is not { } h) return false;
            hi = h;
        }
        return true;
    }
}

using EdgeML.Compiler.IR;
using EdgeML.Runtime.Operators;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Folds a per-channel (or scalar) constant Mul, Add or Sub right after a Conv into the Conv's
/// weights and bias: Conv(x)·a + b is a Conv with W[m]·a[m] and B[m]·a[m] + b[m]. Exporters write
/// such affine steps for learnable scales and for BatchNormalization in pieces. Matches only float32
/// constant weights and constants that broadcast along the output channel axis alone, when the
/// Conv's output has no other reader; otherwise nothing changes.
/// </summary>
public sealed class ConvAffineFolding : IPass
{
    public string Name => "conv-affine-folding";

    public bool Run(IrModel model, PassContext context)
    {
        if (!context.Options.Optimize) return false;
        var uses = new GraphUses(model);
        bool changed = false;
        foreach (var graph in model.Graph.SelfAndDescendants().ToList())
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                var conv = graph.Nodes[i];
                if (conv.Op != OpCode.Conv || conv.Outputs.Count != 1 || conv.Outputs[0] == null) continue;
                while (TryFold(graph, conv, uses)) changed = true;
            }
        }
        return changed;
    }

    private static bool TryFold(IrGraph graph, IrNode conv, GraphUses uses)
    {
        var y = conv.Outputs[0]!;
        var next = uses.SingleReader(y);
        if (next == null || next.Outputs.Count != 1 || next.Outputs[0] == null || next.Inputs.Count != 2) return false;
        if (next.Op is not (OpCode.Mul or OpCode.Add or OpCode.Sub) || next.Version < 7) return false;
        var w = conv.Inputs[1];
        var weights = GraphUses.FloatConstant(w);
        if (weights == null) return false;
        var wShape = w!.Constant!.Shape;
        int rank = wShape.Length, maps = (int)wShape[0];
        bool constantFirst = next.Inputs[0] != y;
        if (next.Op == OpCode.Sub && constantFirst) return false;
        var other = constantFirst ? next.Inputs[0] : next.Inputs[1];
        var values = GraphUses.FloatConstant(other);
        if (values == null || !PerChannel(other!.Constant!.Shape, rank, maps)) return false;
        float[] bias = conv.Inputs.Count > 2 && conv.Inputs[2] != null ? GraphUses.FloatConstant(conv.Inputs[2]) ?? [] : new float[maps];
        if (bias.Length != maps) return false;
        float At(int m) => values.Length == 1 ? values[0] : values[m];
        var newB = new float[maps];
        if (next.Op == OpCode.Mul)
        {
            int per = weights.Length / maps;
            var newW = new float[weights.Length];
            for (int m = 0; m < maps; m++)
            {
                for (int j = 0; j < per; j++) newW[m * per + j] = weights[m * per + j] * At(m);
                newB[m] = bias[m] * At(m);
            }
            conv.Inputs[1] = GraphUses.Constant(w.Name + "_scaled", newW, wShape);
        }
        else
        {
            for (int m = 0; m < maps; m++) newB[m] = next.Op == OpCode.Add ? bias[m] + At(m) : bias[m] - At(m);
        }
        var b = GraphUses.Constant(conv.Name + "_bias_" + next.Name, newB, maps);
        if (conv.Inputs.Count > 2) conv.Inputs[2] = b;
        else conv.Inputs.Add(b);
        // The Conv now writes the folded node's output (everything reading it comes after the Conv).
        var z = next.Outputs[0]!;
        conv.Outputs[0] = z;
        z.Producer = conv;
        graph.Nodes.Remove(next);
        uses.RemoveReader(y, next);
        return true;
    }

    /// <summary>A constant shape that broadcasts against [N, M, spatial...] (rank <paramref name="rank"/>)
    /// along the channel axis only: one value, or M values on axis 1 and ones elsewhere.</summary>
    private static bool PerChannel(long[] shape, int rank, int maps)
    {
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count == 1) return shape.Length <= rank;
        if (shape.Length > rank || shape.Length < rank - 1) return false;
        int channelAxis = 1 - (rank - shape.Length);
        for (int d = 0; d < shape.Length; d++)
        {
            long expected = d == channelAxis ? maps : 1;
            if (shape[d] != expected) return false;
        }
        return true;
    }
}

using EdgeML.Compiler.IR;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Operators;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Stores the constant weights of FusedConv and FusedMatMul in the panel layouts the fast GEMM reads
/// (<see cref="PackedWeights"/>: the same for every CPU variant), so the device multiplies straight
/// from the memory-mapped file and packs nothing when it loads. FusedConv gets packed = 1 with
/// output_channels and kernel_shape; FusedMatMul packed = 1 with columns. Depthwise convolutions keep
/// their layout (their kernel reads it directly).
/// </summary>
public sealed class WeightPrepacking : IPass
{
    public string Name => "weight-prepacking";

    public bool Run(IrModel model, PassContext context)
    {
        if (!context.Options.Optimize) return false;
        bool changed = false;
        foreach (var graph in model.Graph.SelfAndDescendants())
            foreach (var node in graph.Nodes)
            {
                if ((node.Attribute("packed")?.Payload.Int ?? 0) != 0) continue;
                if (node.Op == OpCode.EdgeMLFusedConv) changed |= PackConv(node);
                else if (node.Op == OpCode.EdgeMLFusedMatMul) changed |= PackMatMul(node);
            }
        return changed;
    }

    private static bool PackConv(IrNode node)
    {
        var w = node.Inputs[1];
        var weights = GraphUses.FloatConstant(w);
        if (weights == null) return false;
        var shape = w!.Constant!.Shape;
        long group = node.Attribute("group")?.Payload.Int ?? 1;
        long maps = shape[0], cg = shape[1];
        if (group < 1 || maps % group != 0 || shape.Length < 3) return false;
        long mg = maps / group;
        if (cg == 1 && mg == 1) return false; // depthwise: its own kernel reads [C, taps]
        long taps = 1;
        for (int d = 2; d < shape.Length; d++) taps *= shape[d];
        long depth = cg * taps;
        long groupSize = PackedWeights.PackedASize(mg, depth);
        var packed = new float[group * groupSize];
        for (long g = 0; g < group; g++)
            PackedWeights.PackA(weights.AsSpan((int)(g * mg * depth), (int)(mg * depth)), (int)mg, (int)depth, packed.AsSpan((int)(g * groupSize), (int)groupSize));
        node.Inputs[1] = GraphUses.Constant(w.Name + "_packed", packed, group, (mg + PackedWeights.ARows - 1) / PackedWeights.ARows, depth, PackedWeights.ARows);
        GraphUses.Set(node, GraphUses.Attribute("packed", 1L));
        GraphUses.Set(node, GraphUses.Attribute("output_channels", maps));
        GraphUses.Set(node, GraphUses.Attribute("kernel_shape", shape[2..]));
        return true;
    }

    private static bool PackMatMul(IrNode node)
    {
        var b = node.Inputs[1];
        var matrix = GraphUses.FloatConstant(b);
        if (matrix == null || b!.Constant!.Shape.Length != 2) return false;
        long k = b.Constant.Shape[0], n = b.Constant.Shape[1];
        if (k == 0 || n == 0) return false;
        var packed = new float[PackedWeights.PackedBSize(k, n)];
        PackedWeights.PackB(matrix, (int)k, (int)n, transposed: false, packed);
        node.Inputs[1] = GraphUses.Constant(b.Name + "_packed", packed, (n + PackedWeights.BColumns - 1) / PackedWeights.BColumns, k, PackedWeights.BColumns);
        GraphUses.Set(node, GraphUses.Attribute("packed", 1L));
        GraphUses.Set(node, GraphUses.Attribute("columns", n));
        return true;
    }
}

using EdgeML.Compiler.IR;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Turns a float32 Conv with constant weights into ai.edgeml FusedConv, and a MatMul or simple Gemm
/// with a constant matrix B into ai.edgeml FusedMatMul (docs/edgeml-operators.md), absorbing what
/// follows when it only reads the product: for Conv an Add of a same-shaped tensor (a residual),
/// for MatMul/Gemm an Add of a constant row bias; then one activation (Relu, Clip with constant
/// bounds, LeakyRelu, HardSigmoid, HardSwish, Sigmoid; a LeakyRelu with the Max of a scalar constant
/// after it becomes LeakyReluMax). The fused node takes the place of the last
/// node it absorbs and writes that node's output. Anything it is unsure of stays as it is.
/// </summary>
public sealed class ActivationFusion : IPass
{
    public string Name => "activation-fusion";

    public bool Run(IrModel model, PassContext context)
    {
        if (!context.Options.Optimize) return false;
        var uses = new GraphUses(model);
        var convSchema = GraphUses.Schema(OpCatalog.EdgeMLDomain, "FusedConv");
        var matMulSchema = GraphUses.Schema(OpCatalog.EdgeMLDomain, "FusedMatMul");
        bool changed = false;
        foreach (var graph in model.Graph.SelfAndDescendants().ToList())
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                var node = graph.Nodes[i];
                IrNode? fused = node.Op switch
                {
                    OpCode.Conv => ConvToFused(node, convSchema),
                    OpCode.MatMul => MatMulToFused(node, matMulSchema),
                    OpCode.Gemm => GemmToFused(node, matMulSchema),
                    _ => null,
                };
                if (fused == null) continue;
                var absorbed = new List<IrNode>();
                var y = node.Outputs[0]!;
                // A residual (Conv) or a constant bias (MatMul), then an activation.
                if (uses.SingleReader(y) is { } add && add.Op == OpCode.Add && add.Version >= 7 && add.Inputs.Count == 2 && add.Outputs.Count == 1 && add.Outputs[0] != null)
                {
                    var other = add.Inputs[0] == y ? add.Inputs[1] : add.Inputs[0];
                    if (other != null && other != y && (fused.Op == OpCode.EdgeMLFusedConv ? AbsorbResidual(fused, y, other) : AbsorbBias(fused, other, y)))
                    {
                        absorbed.Add(add);
                        y = add.Outputs[0]!;
                    }
                }
                if (uses.SingleReader(y) is { } act && ActivationOf(act) is { } activation && act.Inputs[0] == y)
                {
                    absorbed.Add(act);
                    y = act.Outputs[0]!;
                    // A LeakyRelu clipped from below by a Max with a scalar constant.
                    if (activation.Kind == ActivationKind.LeakyRelu && uses.SingleReader(y) is { } max && FloorOf(max, y) is float floor)
                    {
                        activation = activation with { Kind = ActivationKind.LeakyReluMax, Beta = floor };
                        absorbed.Add(max);
                        y = max.Outputs[0]!;
                    }
                    GraphUses.Set(fused, GraphUses.Attribute("activation", activation.Name));
                    GraphUses.Set(fused, GraphUses.Attribute("activation_alpha", activation.Alpha));
                    GraphUses.Set(fused, GraphUses.Attribute("activation_beta", activation.Beta));
                }
                fused.Outputs.Add(y);
                y.Producer = fused;
                var last = absorbed.Count > 0 ? absorbed[^1] : node;
                graph.Nodes[graph.Nodes.IndexOf(last)] = fused;
                if (last != node) graph.Nodes.Remove(node);
                foreach (var a in absorbed)
                {
                    if (a != last) graph.Nodes.Remove(a);
                    foreach (var v in a.Inputs) if (v != null) uses.RemoveReader(v, a);
                }
                foreach (var v in node.Inputs) if (v != null) uses.RemoveReader(v, node);
                foreach (var v in fused.Inputs) if (v != null) uses.AddReader(v, fused);
                i = graph.Nodes.IndexOf(fused);
                changed = true;
            }
        }
        return changed;
    }

    private static IrNode? ConvToFused(IrNode conv, OpSchema schema)
    {
        if (conv.Outputs.Count != 1 || conv.Outputs[0] == null || conv.Inputs.Count < 2) return null;
        var x = conv.Inputs[0];
        var w = conv.Inputs[1];
        // X has W's type (Conv requires it): float when W is, even where the shape probe did not reach.
        if (x == null || x.Type is not (DataType.Float or DataType.Undefined) || w?.Constant is not { Type: DataType.Float } wc || wc.Shape.Length is < 3 or > 5) return null;
        var b = conv.Inputs.Count > 2 ? conv.Inputs[2] : null;
        if (b != null && !GraphUses.IsFloat(b)) return null;
        var fused = new IrNode { Name = conv.Name, Schema = schema, Version = 1 };
        fused.Inputs.Add(x);
        fused.Inputs.Add(w);
        fused.Inputs.Add(b);
        foreach (var a in conv.Attributes) fused.Attributes.Add(a);
        return fused;
    }

    /// <summary>The residual: a float tensor the shape probe saw with exactly the Conv output's shape.</summary>
    private static bool AbsorbResidual(IrNode fused, IrValue y, IrValue z)
    {
        if (!GraphUses.IsFloat(z) || y.ProbedShape == null || z.ProbedShape == null || !y.ProbedShape.AsSpan().SequenceEqual(z.ProbedShape)) return false;
        fused.Inputs.Add(z);
        return true;
    }

    private static IrNode? MatMulToFused(IrNode matMul, OpSchema schema)
    {
        if (matMul.Outputs.Count != 1 || matMul.Outputs[0] == null || matMul.Inputs.Count != 2) return null;
        var a = matMul.Inputs[0];
        var b = matMul.Inputs[1];
        if (a == null || a.Type is not (DataType.Float or DataType.Undefined) || b?.Constant is not { Type: DataType.Float } bc || bc.Shape.Length != 2) return null;
        var fused = new IrNode { Name = matMul.Name, Schema = schema, Version = 1 };
        fused.Inputs.Add(a);
        fused.Inputs.Add(b);
        return fused;
    }

    /// <summary>Gemm without transA and alpha, with a constant B (transposed here when transB) and a
    /// C of one row (folded into the bias with beta).</summary>
    private static IrNode? GemmToFused(IrNode gemm, OpSchema schema)
    {
        if (gemm.Outputs.Count != 1 || gemm.Outputs[0] == null || gemm.Inputs.Count < 2) return null;
        if ((gemm.Attribute("transA")?.Payload.Int ?? 0) != 0 || (gemm.Attribute("alpha")?.Payload.Float ?? 1f) != 1f) return null;
        var a = gemm.Inputs[0];
        var bValue = gemm.Inputs[1];
        var b = GraphUses.FloatConstant(bValue);
        if (!GraphUses.IsFloat(a) || b == null || bValue!.Constant!.Shape.Length != 2) return null;
        bool transB = (gemm.Attribute("transB")?.Payload.Int ?? 0) != 0;
        long rows = bValue.Constant.Shape[0], cols = bValue.Constant.Shape[1];
        long k = transB ? cols : rows, n = transB ? rows : cols;
        float[]? bias = null;
        if (gemm.Inputs.Count > 2 && gemm.Inputs[2] != null)
        {
            var c = GraphUses.FloatConstant(gemm.Inputs[2]);
            var shape = gemm.Inputs[2]!.Constant?.Shape;
            if (c == null || shape == null || shape.Length > 2 || (shape.Length == 2 && shape[0] != 1) || (c.Length != n && c.Length != 1)) return null;
            float beta = gemm.Attribute("beta")?.Payload.Float ?? 1f;
            bias = new float[n];
            for (int j = 0; j < n; j++) bias[j] = beta * c[c.Length == 1 ? 0 : j];
        }
        var matrix = bValue;
        if (transB)
        {
            var t = new float[b.Length];
            for (long r = 0; r < rows; r++)
                for (long q = 0; q < cols; q++) t[q * rows + r] = b[r * cols + q];
            matrix = GraphUses.Constant(bValue.Name + "_t", t, k, n);
        }
        var fused = new IrNode { Name = gemm.Name, Schema = schema, Version = 1 };
        fused.Inputs.Add(a);
        fused.Inputs.Add(matrix);
        if (bias != null) fused.Inputs.Add(GraphUses.Constant(gemm.Name + "_bias", bias, n));
        return fused;
    }

    /// <summary>A constant bias along the last axis: [N], or ones then N, no longer than the product's rank.</summary>
    private static bool AbsorbBias(IrNode fused, IrValue other, IrValue y)
    {
        var values = GraphUses.FloatConstant(other);
        var shape = other.Constant?.Shape;
        long n = fused.Inputs[1]!.Constant!.Shape[1];
        if (values == null || shape == null || shape.Length == 0 || shape[^1] != n || values.Length != n) return false;
        if (y.ProbedShape == null || shape.Length > y.ProbedShape.Length) return false;
        if (fused.Inputs.Count > 2)
        {
            // Gemm's C already gave a bias: add the two.
            var given = GraphUses.FloatConstant(fused.Inputs[2])!;
            var sum = new float[n];
            for (int j = 0; j < n; j++) sum[j] = given[j] + values[j];
            fused.Inputs[2] = GraphUses.Constant(fused.Name + "_bias2", sum, n);
        }
        else fused.Inputs.Add(GraphUses.Constant(other.Name + "_row", values, n));
        return true;
    }

    /// <summary>c when <paramref name="max"/> is Max(y, c) (either order) with a one-element float
    /// constant c that does not broadcast y to a higher rank.</summary>
    private static float? FloorOf(IrNode max, IrValue y)
    {
        if (max.Op != OpCode.Max || max.Version < 8 || max.Inputs.Count != 2 || max.Outputs.Count != 1 || max.Outputs[0] == null) return null;
        var other = max.Inputs[0] == y ? max.Inputs[1] : max.Inputs[0];
        if (other == null || other == y || !GraphUses.IsFloat(y) || other.Constant == null) return null;
        if (other.Constant.Shape.Length > (y.Shape?.Length ?? 0)) return null;
        return GraphUses.ScalarConstant(other);
    }

    /// <summary>The activation a node applies, when it is one the fused operators take.</summary>
    private static Activation? ActivationOf(IrNode node)
    {
        if (node.Outputs.Count != 1 || node.Outputs[0] == null || node.Inputs.Count == 0 || node.Inputs[0] == null) return null;
        switch (node.Op)
        {
            case OpCode.Relu: return new Activation(ActivationKind.Relu);
            case OpCode.Sigmoid: return new Activation(ActivationKind.Sigmoid);
            case OpCode.HardSwish: return new Activation(ActivationKind.HardSwish);
            case OpCode.LeakyRelu: return new Activation(ActivationKind.LeakyRelu, node.Attribute("alpha")?.Payload.Float ?? 0.01f);
            case OpCode.HardSigmoid: return new Activation(ActivationKind.HardSigmoid, node.Attribute("alpha")?.Payload.Float ?? 0.2f, node.Attribute("beta")?.Payload.Float ?? 0.5f);
            case OpCode.Clip:
                if (!HardSwishFusion.ClipBounds(node, out float lo, out float hi)) return null;
                return new Activation(ActivationKind.Clip, lo, hi);
            default: return null;
        }
    }
}

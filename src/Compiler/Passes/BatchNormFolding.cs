using EdgeML.Compiler.IR;
using EdgeML.Runtime.Operators;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Folds an inference BatchNormalization into the Conv or Gemm before it: with
/// s = scale / √(var + ε), the weights of output channel m become W[m] · s[m] and the bias
/// (B[m] − mean[m]) · s[m] + bias[m]. Matches only float32 constants, a BatchNormalization in
/// inference mode whose only used output is Y, and a producer whose output nothing else reads;
/// anything else is left alone. Computed in double, rounded once.
/// </summary>
public sealed class BatchNormFolding : IPass
{
    public string Name => "batchnorm-folding";

    public bool Run(IrModel model, PassContext context)
    {
        if (!context.Options.Optimize) return false;
        var uses = new GraphUses(model);
        bool changed = false;
        foreach (var graph in model.Graph.SelfAndDescendants().ToList())
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                var bn = graph.Nodes[i];
                if (bn.Op != OpCode.BatchNormalization || !IsInference(bn, uses)) continue;
                var x = bn.Inputs[0];
                var producer = x?.Producer;
                if (x == null || producer == null || !graph.Nodes.Contains(producer) || uses.SingleReader(x) != bn) continue;
                var scale = GraphUses.FloatConstant(bn.Inputs[1]);
                var shift = GraphUses.FloatConstant(bn.Inputs[2]);
                var mean = GraphUses.FloatConstant(bn.Inputs[3]);
                var variance = GraphUses.FloatConstant(bn.Inputs[4]);
                if (scale == null || shift == null || mean == null || variance == null) continue;
                int channels = scale.Length;
                if (shift.Length != channels || mean.Length != channels || variance.Length != channels) continue;
                double epsilon = bn.Attribute("epsilon")?.Payload.Float ?? 1e-5;
                var s = new double[channels];
                var t = new double[channels];
                for (int c = 0; c < channels; c++)
                {
                    s[c] = scale[c] / Math.Sqrt((double)variance[c] + epsilon);
                    t[c] = shift[c] - mean[c] * s[c];
                }
                bool folded = producer.Op switch
                {
                    OpCode.Conv => FoldIntoConv(producer, s, t),
                    OpCode.Gemm => FoldIntoGemm(producer, s, t),
                    _ => false,
                };
                if (!folded) continue;
                // The producer now writes the BatchNormalization's output.
                var y = bn.Outputs[0]!;
                producer.Outputs[0] = y;
                y.Producer = producer;
                graph.Nodes.RemoveAt(i);
                i--;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>Inference mode, and no output but Y is read (opset 9 and earlier list running statistics outputs).</summary>
    private static bool IsInference(IrNode bn, GraphUses uses)
    {
        if (bn.Inputs.Count < 5 || bn.Outputs.Count == 0 || bn.Outputs[0] == null) return false;
        if ((bn.Attribute("training_mode")?.Payload.Int ?? 0) != 0) return false;
        if (bn.Version < 7 && (bn.Attribute("is_test")?.Payload.Int ?? 0) == 0 && bn.Outputs.Count > 1) return false;
        if (bn.Attribute("spatial") is { } spatial && spatial.Payload.Int == 0) return false;
        for (int k = 1; k < bn.Outputs.Count; k++)
            if (bn.Outputs[k] is { } o && uses.IsRead(o)) return false;
        return true;
    }

    private static bool FoldIntoConv(IrNode conv, double[] s, double[] t)
    {
        var w = conv.Inputs.Count > 1 ? conv.Inputs[1] : null;
        var weights = GraphUses.FloatConstant(w);
        if (weights == null || w!.Constant!.Shape.Length < 3 || w.Constant.Shape[0] != s.Length) return false;
        var bias = conv.Inputs.Count > 2 ? GraphUses.FloatConstant(conv.Inputs[2]) : new float[s.Length];
        if (bias == null || bias.Length != s.Length) return false;
        int per = weights.Length / s.Length;
        var newW = new float[weights.Length];
        var newB = new float[s.Length];
        for (int m = 0; m < s.Length; m++)
        {
            for (int j = 0; j < per; j++) newW[m * per + j] = (float)(weights[m * per + j] * s[m]);
            newB[m] = (float)(bias[m] * s[m] + t[m]);
        }
        conv.Inputs[1] = GraphUses.Constant(w.Name + "_bn", newW, w.Constant.Shape);
        var b = GraphUses.Constant(conv.Name + "_bn_bias", newB, s.Length);
        if (conv.Inputs.Count > 2) conv.Inputs[2] = b;
        else conv.Inputs.Add(b);
        return true;
    }

    /// <summary>Gemm's channel axis is its output's column axis: columns of op(B) scale by s, and
    /// C (absent, scalar, [N] or [1, N]) becomes (β · C) · s + t with β = 1.</summary>
    private static bool FoldIntoGemm(IrNode gemm, double[] s, double[] t)
    {
        int n = s.Length;
        var bValue = gemm.Inputs[1];
        var b = GraphUses.FloatConstant(bValue);
        if (b == null || bValue!.Constant!.Shape.Length != 2) return false;
        bool transB = (gemm.Attribute("transB")?.Payload.Int ?? 0) != 0;
        long rows = bValue.Constant.Shape[0], cols = bValue.Constant.Shape[1];
        if ((transB ? rows : cols) != n) return false;
        float beta = gemm.Attribute("beta")?.Payload.Float ?? 1f;
        float[] c;
        if (gemm.Inputs.Count > 2 && gemm.Inputs[2] != null)
        {
            var given = GraphUses.FloatConstant(gemm.Inputs[2]);
            var shape = gemm.Inputs[2]!.Constant?.Shape;
            if (given == null || shape == null || shape.Length > 2 || (shape.Length == 2 && shape[0] != 1)) return false;
            if (given.Length != 1 && given.Length != n) return false;
            c = new float[n];
            for (int j = 0; j < n; j++) c[j] = beta * given[given.Length == 1 ? 0 : j];
        }
        else c = new float[n];
        var newB = new float[b.Length];
        for (long r = 0; r < rows; r++)
            for (long q = 0; q < cols; q++)
            {
                long channel = transB ? r : q;
                newB[r * cols + q] = (float)(b[r * cols + q] * s[channel]);
            }
        var newC = new float[n];
        for (int j = 0; j < n; j++) newC[j] = (float)(c[j] * s[j] + t[j]);
        gemm.Inputs[1] = GraphUses.Constant(bValue.Name + "_bn", newB, rows, cols);
        var cValue = GraphUses.Constant(gemm.Name + "_bn_bias", newC, n);
        if (gemm.Inputs.Count > 2) gemm.Inputs[2] = cValue;
        else gemm.Inputs.Add(cValue);
        GraphUses.Set(gemm, GraphUses.Attribute("beta", 1f));
        return true;
    }
}

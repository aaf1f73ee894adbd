using EdgeML.Compiler.IR;
using EdgeML.Runtime;
using EdgeML.Runtime.Kernels;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Operators;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Replaces nodes whose inputs are all constants by the constants they compute (with the runtime's
/// kernels). Skips random and control-flow operators, nodes without a kernel, non-tensor outputs,
/// and results that would be much larger than their inputs (ConstantOfShape, Expand, Tile of a
/// large shape), which are cheaper to compute on the device than to store.
/// </summary>
public sealed class ConstantFolding : IPass
{
    private static readonly HashSet<OpCode> NotFoldable =
    [
        OpCode.RandomNormal, OpCode.RandomNormalLike, OpCode.RandomUniform, OpCode.RandomUniformLike,
        OpCode.Multinomial, OpCode.Bernoulli, OpCode.Dropout, OpCode.If, OpCode.Loop, OpCode.Scan,
        OpCode.SequenceMap,
    ];

    public string Name => "constant-folding";

    public bool Run(IrModel model, PassContext context)
    {
        if (!context.Options.FoldConstants) return false;
        bool changed = false;
        foreach (var graph in model.Graph.SelfAndDescendants().ToList())
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                var node = graph.Nodes[i];
                if (!CanFold(node)) continue;
                ConstantTensor?[] results;
                try
                {
                    results = NodeEvaluator.Evaluate(node);
                }
                catch (EdgeMLException e)
                {
                    context.Warnings.Add($"constant folding skipped {node.Describe()}: {e.Message}");
                    continue;
                }
                // Sequences and optionals (SequenceConstruct, Optional, ...) have no constant form.
                if (node.Outputs.Where((o, k) => o != null && results[k] == null).Any()) continue;
                long inBytes = node.Inputs.Sum(v => v?.Constant?.ByteLength ?? 0);
                long outBytes = results.Sum(r => r?.ByteLength ?? 0);
                if (outBytes > Math.Max(4 << 10, inBytes * context.Options.FoldGrowthLimit)) continue;
                for (int k = 0; k < node.Outputs.Count; k++)
                {
                    var o = node.Outputs[k];
                    if (o == null) continue;
                    var c = results[k]!;
                    o.Constant = c;
                    o.Type = c.Type;
                    o.Kind = ValueKind.Tensor;
                    o.Shape = c.Shape.Select(d => new Dimension(d)).ToArray();
                    o.Producer = null;
                }
                graph.Nodes.RemoveAt(i);
                i--;
                changed = true;
            }
        }
        return changed;
    }

    private static bool CanFold(IrNode node)
    {
        if (NotFoldable.Contains(node.Op) || !KernelRegistry.IsImplemented(node.Op)) return false;
        if (node.Attributes.Any(a => a.Graphs.Length > 0)) return false;
        if (node.Inputs.Count == 0) return true;
        foreach (var v in node.Inputs) if (v != null && !v.IsConstant) return false;
        return node.Outputs.Any(o => o != null);
    }
}

using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>If (opsets 1-25): runs <c>then_branch</c> when the one-element bool condition is true,
/// <c>else_branch</c> otherwise, and copies the branch's outputs (tensors, sequences or optionals)
/// into the node's outputs. The branches read outer-scope values directly.</summary>
public sealed class If : Kernel
{
    private readonly int _then;
    private readonly int _else;

    private If(int thenBranch, int elseBranch)
    {
        _then = thenBranch;
        _else = elseBranch;
    }

    public static Kernel Create(KernelInfo info)
    {
        int thenBranch = info.Attributes.GetGraph("then_branch");
        int elseBranch = info.Attributes.GetGraph("else_branch");
        if (thenBranch < 0 || elseBranch < 0) throw info.Error("needs the graph attributes 'then_branch' and 'else_branch'");
        int thenOutputs = info.Model.Graphs[thenBranch].Outputs.Length;
        int elseOutputs = info.Model.Graphs[elseBranch].Outputs.Length;
        if (thenOutputs != elseOutputs) throw info.Error($"then_branch has {thenOutputs} outputs but else_branch has {elseOutputs}");
        if (info.OutputCount > thenOutputs) throw info.Error($"the node has {info.OutputCount} outputs but its branches have {thenOutputs}");
        return new If(thenBranch, elseBranch);
    }

    public override void Execute(KernelContext context)
    {
        var cond = context.Input(0);
        if (cond.Kind != ValueKind.Tensor || cond.Type != DataType.Bool) throw context.Error("the condition must be a bool tensor");
        if (cond.Length != 1) throw context.Error($"the condition must hold one element, not {cond.Length}");
        int branch = cond.ReadOnlySpan<byte>()[0] != 0 ? _then : _else;
        context.RunGraph(branch);
        var outputs = context.Graph(branch).Outputs;
        for (int k = 0; k < context.OutputCount; k++)
        {
            var y = context.OptionalOutput(k);
            y?.CopyFrom(context.Value(outputs[k]));
        }
    }
}

using EdgeML.Compiler.IR;
using EdgeML.Runtime;
using EdgeML.Runtime.Kernels;

namespace EdgeML.Compiler.Passes;

/// <summary>Fails with one clear error naming every operator the runtime has no kernel for. Runs
/// after the passes that remove operators (a Dropout that inference drops needs no kernel) and
/// before those that execute kernels.</summary>
public sealed class KernelSupportCheck : IPass
{
    public string Name => "kernel-support-check";

    public bool Run(IrModel model, PassContext context)
    {
        var missing = model.Graph.SelfAndDescendants().SelectMany(g => g.Nodes).Where(n => !KernelRegistry.IsImplemented(n.Op)).ToList();
        if (missing.Count == 0) return false;
        var first = missing[0];
        var others = missing.Select(n => n.Domain.Length == 0 ? n.OpType : n.Domain + "." + n.OpType).Distinct().ToList();
        throw new EdgeMLException($"{first.Describe()}: operator is not implemented by EdgeML" + (others.Count > 1 ? $" (also missing: {string.Join(", ", others.Skip(1))})" : ""));
    }
}

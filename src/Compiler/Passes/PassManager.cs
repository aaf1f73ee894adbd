using System.Diagnostics;
using EdgeML.Compiler.IR;

namespace EdgeML.Compiler.Passes;

/// <summary>Runs passes in order and records what each did and how long it took.</summary>
public sealed class PassManager
{
    private readonly List<IPass> _passes = new();

    public PassManager Add(IPass pass)
    {
        _passes.Add(pass);
        return this;
    }

    public IReadOnlyList<IPass> Passes => _passes;

    /// <summary>The standard pipeline: expand Gradient operators (before any clean-up, as they name
    /// their target by attribute), clean up, drop pass-through operators, check every operator
    /// has a kernel, fold constants, clean up again, infer shapes; then (with
    /// <see cref="CompileOptions.Optimize"/>) fold BatchNormalization and per-channel affine steps into
    /// convolutions, rebuild HardSwish, fuse activations into ai.edgeml operators, prepack their
    /// weights.</summary>
    public static PassManager Default() => new PassManager()
        .Add(new GradientExpansion())
        .Add(new DeadNodeElimination())
        .Add(new NoOpElimination())
        .Add(new KernelSupportCheck())
        .Add(new ConstantFolding())
        .Add(new DeadNodeElimination())
        .Add(new ShapeInference())
        .Add(new BatchNormFolding())
        .Add(new ConvAffineFolding())
        .Add(new HardSwishFusion())
        .Add(new ActivationFusion())
        .Add(new WeightPrepacking())
        .Add(new DeadNodeElimination());

    public void Run(IrModel model, PassContext context)
    {
        foreach (var pass in _passes)
        {
            var sw = Stopwatch.StartNew();
            int before = CountNodes(model.Graph);
            bool changed = pass.Run(model, context);
            context.Log.Add($"{pass.Name}: {(changed ? "changed" : "no change")}, nodes {before} -> {CountNodes(model.Graph)}, {sw.Elapsed.TotalMilliseconds:F1} ms");
        }
    }

    public static int CountNodes(IrGraph g) => g.SelfAndDescendants().Sum(x => x.Nodes.Count);
}

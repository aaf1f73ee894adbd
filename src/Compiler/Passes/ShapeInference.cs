using EdgeML.Compiler.Emit;
using EdgeML.Compiler.IR;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Passes;

/// <summary>
/// Type and shape inference by probing: the model runs once on synthetic inputs whose symbolic
/// dimensions take the values of <see cref="CompileOptions.Dims"/> (1 when not given), and every
/// value's element type, kind and concrete shape is recorded. The runtime's kernels are the single
/// definition of each operator's shape rules, so the compiler can never disagree with the device.
/// Values the probe does not reach (an If branch not taken) keep their declared type and shape.
/// </summary>
public sealed class ShapeInference : IPass
{
    public string Name => "shape-inference";

    public bool Run(IrModel model, PassContext context)
    {
        var lowering = new IrLowering();
        var def = lowering.Run(model);
        var byIndex = new IrValue[def.Values.Length];
        foreach (var (v, i) in lowering.ValueIndex) byIndex[i] = v;

        using var session = new InferenceSession(EdgeMLModel.FromDefinition(def, model.Source));
        var seen = new bool[def.Values.Length];
        session.AfterNode = node =>
        {
            foreach (var o in node.Outputs) if (o >= 0) Record(session.Value(o), byIndex[o], seen, o);
        };
        if (!ProbeInputs.Fill(session, context)) return false;
        foreach (var i in def.Main.Inputs) Record(session.Value(i), byIndex[i], seen, i);
        try
        {
            session.Run();
        }
        catch (EdgeMLException e)
        {
            context.Warnings.Add($"shape probe stopped: {e.Message}; the values after it are planned at run time");
        }
        return seen.Any(s => s);
    }

    private static void Record(Tensor t, IrValue v, bool[] seen, int index)
    {
        seen[index] = true;
        // A value declared optional stays optional: the probe sees only one of its states.
        if (v.Kind != ValueKind.None) v.Kind = t.Kind;
        if (t.Kind is ValueKind.Tensor or ValueKind.Sequence) v.Type = t.Type;
        if (t.Kind == ValueKind.Tensor)
        {
            v.ProbedShape = t.Shape.ToArray();
            if (v.Shape == null || v.Shape.Length != t.Rank) v.Shape = v.ProbedShape.Select(d => new Dimension(d)).ToArray();
        }
    }
}

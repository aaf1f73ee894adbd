using EdgeML.Compiler.IR;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Compiler.Passes;

/// <summary>Runs one IR node on constant inputs with the runtime's own kernels, so folding at
/// compile time computes exactly what the device would. An output that is not a tensor (a sequence
/// or an optional) has no constant form: its entry is null.</summary>
public static class NodeEvaluator
{
    public static ConstantTensor?[] Evaluate(IrNode node)
    {
        var values = new List<ValueDefinition>();
        var inputs = new int[node.Inputs.Count];
        for (int i = 0; i < node.Inputs.Count; i++)
        {
            var v = node.Inputs[i];
            if (v == null) { inputs[i] = -1; continue; }
            inputs[i] = values.Count;
            values.Add(new ValueDefinition { Name = v.Name, Type = v.Type, Kind = ValueKind.Tensor, Constant = v.Constant });
        }
        var outputs = new int[node.Outputs.Count];
        for (int i = 0; i < node.Outputs.Count; i++)
        {
            var v = node.Outputs[i];
            if (v == null) { outputs[i] = -1; continue; }
            outputs[i] = values.Count;
            values.Add(new ValueDefinition { Name = v.Name, Type = v.Type, Kind = ValueKind.Tensor });
        }
        var def = new ModelDefinition
        {
            Values = values.ToArray(),
            Graphs =
            [
                new GraphDefinition
                {
                    Inputs = [],
                    Outputs = outputs.Where(o => o >= 0).ToArray(),
                    Nodes = [new NodeDefinition { Name = node.Name, Op = node.Op, Version = node.Version, Inputs = inputs, Outputs = outputs, Attributes = new AttributeSet(node.Attributes.Select(a => a.Payload).ToArray()) }],
                },
            ],
            Plan = MemoryPlan.None(values.Count),
        };
        using var session = new InferenceSession(EdgeMLModel.FromDefinition(def, node.Name));
        session.Run();
        var result = new ConstantTensor?[node.Outputs.Count];
        for (int i = 0; i < outputs.Length; i++)
            if (outputs[i] >= 0 && session.Value(outputs[i]).Kind == ValueKind.Tensor) result[i] = ConstantTensor.FromTensor(session.Value(outputs[i]));
        return result;
    }
}
